package org.smgwlite.platform.it;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.EichlogLink;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * The two demo tenants as the security matrix needs them: in each a household with a gateway registered but never
 * enrolled (for the operator API's gateway endpoints, revocation included), another household with an enrolled gateway
 * with both certificates (the device port's callers) and an open TAF 6 request; the demo users' tokens; and what the other
 * tenant's objects look like in an answer ({@link #leaks}).
 */
final class MatrixFixture {

    static final String A = "stadtwerke-demo";
    static final String B = "buergerenergie-nord";
    static final List<String> TENANTS = List.of(A, B);
    static final String REALM = "http://localhost:8180/realms/smgw";
    static final List<String> USERS = List.of("admin", "operator", "operator2", "household", "household2");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One tenant's objects.
     *
     * @param apiGateway registered, never enrolled: enrollment codes and revocation touch nothing the device port uses
     * @param device     enrolled: TLS client and signature certificate
     * @param taf6Reason the reason of its open TAF 6 request, unique to this run (a leak marker)
     */
    record TenantObjects(String tenant, long householdId, String householdName, String apiGateway, TestGateway device,
                         String taf6Reason) {
    }

    final X509Certificate root;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Instant tokensFetched;
    final Map<String, TenantObjects> tenants = new LinkedHashMap<>();
    /** Per tenant: names and ids of its objects (households, Messlokationen, gateways, TAF 6 reasons, the tenant id). */
    private final Map<String, Set<String>> markers = new HashMap<>();
    /** Per household login: the name and Messlokation of the household it views, which it may see. */
    private final Map<String, Set<String>> ownHousehold = new HashMap<>();

    private MatrixFixture(X509Certificate root) {
        this.root = root;
    }

    static MatrixFixture create(Path rootChain) throws Exception {
        MatrixFixture f = new MatrixFixture(PemCredentials.readChain(rootChain).get(0));
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        for (String tenant : TENANTS) {
            f.tenants.put(tenant, f.objects(tenant, run));
        }
        f.readMarkers();
        return f;
    }

    private TenantObjects objects(String tenant, String run) throws Exception {
        String letter = tenant.equals(A) ? "A" : "B";
        String name = "Matrix " + letter + " " + run;
        long household = ItPlatform.newHousehold(tenant, name);
        TestGateway.Platform platform = platform(tenant);
        String apiGateway = "MXAPI" + letter + run;
        platform.registerGateway(token("admin"), apiGateway, household);
        // a household has one gateway: the enrolled one gets a household of its own
        String deviceGateway = "MXDEV" + letter + run;
        long deviceHousehold = ItPlatform.newHousehold(tenant, name + " device");
        TestGateway device = platform.enroll(deviceGateway, deviceHousehold,
                platform.register(token("admin"), deviceGateway, deviceHousehold));
        // the device gateway's Eichlog starts, so that its own GET device/eichlog/head has an entry to answer
        Instant start = Instant.now();
        TestGateway.Answer first = device.upload(ItPlatform.DEVICE, device.sign(new ReadingBatch(deviceGateway, start,
                List.of(yesterdaysValue(household)),
                List.of(EichlogLink.create(1, start, "MATRIX", "fixture " + run, EichlogLink.GENESIS).line()))));
        if (first.statusCode() != 200) {
            throw new AssertionError("first Eichlog upload of " + deviceGateway + ": " + first.statusCode() + " " + first.body());
        }
        String reason = "Matrix reason " + letter + " " + run;
        queueTaf6(tenant, deviceGateway, reason);
        return new TenantObjects(tenant, household, name, apiGateway, device, reason);
    }

    /**
     * A gateway of the tenant enrolled now on a household of its own, for a call that revokes one of its certificates:
     * each caller the matrix expects to succeed revokes a certificate nobody else uses.
     */
    TestGateway freshlyEnrolled(String tenant) throws Exception {
        String id = "MXREV" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        long household = ItPlatform.newHousehold(tenant, "Matrix revocation " + id);
        TestGateway.Platform platform = platform(tenant);
        return platform.enroll(id, household, platform.register(token("admin"), id, household));
    }

    TestGateway.Platform platform(String tenant) {
        return new TestGateway.Platform(ItPlatform.BASE, ItPlatform.DEVICE, tenant, root);
    }

    /** The user's access token, fetched again after 4 minutes (the demo realm's tokens live 5). */
    String token(String user) throws Exception {
        if (tokensFetched == null || tokensFetched.isBefore(Instant.now().minus(Duration.ofMinutes(4)))) {
            for (String u : USERS) {
                tokens.put(u, KeycloakTokens.accessToken(REALM, u));
            }
            tokensFetched = Instant.now();
        }
        return tokens.get(user);
    }

    TenantObjects of(String tenant) {
        return tenants.get(tenant);
    }

    static String other(String tenant) {
        return tenant.equals(A) ? B : A;
    }

    /** A TAF 6 request queued now by the platform admin for the tenant's enrolled gateway; its id. */
    private final Map<String, String> legacyDevices = new HashMap<>();

    /** An SMGW.Lite device of {@code tenant}, registered once by the admin for a household of its own; its device id. */
    synchronized String legacyDevice(String tenant) throws Exception {
        if (!legacyDevices.containsKey(tenant)) {
            String id = EndpointRecipes.legacyId();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/api/tenants/" + tenant
                            + "/legacy-gateways"))
                    .header("Authorization", "Bearer " + token("admin")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"" + id + "\",\"householdId\":"
                            + ItPlatform.newHousehold(tenant, "Matrix SMGW.Lite") + "}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("SMGW.Lite device " + id + " of " + tenant + ": " + r.statusCode() + " " + r.body());
            }
            legacyDevices.put(tenant, id);
        }
        return legacyDevices.get(tenant);
    }

    long freshTaf6Request(String tenant) throws Exception {
        return queueTaf6(tenant, of(tenant).device().id(), "Matrix failure target");
    }

    private long queueTaf6(String tenant, String gateway, String reason) throws Exception {
        HttpResponse<String> queued = HTTP.send(HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/api/tenants/" + tenant
                        + "/gateways/" + gateway + "/taf6-requests"))
                .header("Authorization", "Bearer " + token("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (queued.statusCode() != 202) {
            throw new IllegalStateException("TAF 6 request for " + gateway + ": " + queued.statusCode() + " " + queued.body());
        }
        return JsonObject.parse(queued.body()).longValue("id");
    }

    /** A fresh one-time code for the tenant's never-enrolled gateway (from the platform admin). */
    String freshCode(String tenant) throws Exception {
        return platform(tenant).enrollmentCode(token("admin"), of(tenant).apiGateway());
    }

    /** A base64 DER PKCS#10 request of a new key for {@code gatewayId}, as EST expects it. */
    static byte[] csr(String gatewayId) {
        return Base64.getEncoder().encode(GatewayRequests.csrDer(GatewayRequests.newKeyPair(Curve.P256), GatewayId.of(gatewayId)));
    }

    /** One reading of yesterday for the tenant's enrolled gateway's household, signed by that gateway (repeatable). */
    byte[] signedBatch(String tenant) {
        TestGateway gw = of(tenant).device();
        return gw.sign(new ReadingBatch(gw.id(), Instant.now(), List.of(yesterdaysValue(gw.householdId())), List.of()));
    }

    private static BatchValue yesterdaysValue(long householdId) {
        Instant slot = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(12));
        return new BatchValue(householdId, 7, slot, "1-0:1.8.0*255", BigInteger.valueOf(12_345_678), -1, "Wh", 0, 0);
    }

    /**
     * Every household, Messlokation and gateway of the two tenants in the database (the demo data's, other ITs' and
     * this fixture's), the TAF 6 reasons and the tenant ids; a string both tenants have, or shorter than 6
     * characters, says nothing about whose it is and is dropped.
     */
    private void readMarkers() throws Exception {
        for (String tenant : TENANTS) {
            Set<String> own = new HashSet<>(ItPlatform.sql("SELECT name FROM household WHERE tenant_id = ?", tenant));
            own.addAll(ItPlatform.sql("SELECT messlokation_id FROM household WHERE tenant_id = ?", tenant));
            own.addAll(ItPlatform.sql("SELECT gateway_id FROM gateway WHERE tenant_id = ?", tenant));
            own.add(of(tenant).taf6Reason());
            own.add(tenant);
            own.removeIf(s -> s == null || s.length() < 6);
            markers.put(tenant, own);
        }
        Set<String> shared = new HashSet<>(markers.get(A));
        shared.retainAll(markers.get(B));
        markers.values().forEach(m -> m.removeAll(shared));
        for (String user : List.of("household", "household2")) {
            Set<String> own = new HashSet<>(ItPlatform.sql("SELECT name FROM household WHERE viewer_username = ?", user));
            own.addAll(ItPlatform.sql("SELECT messlokation_id FROM household WHERE viewer_username = ?", user));
            ownHousehold.put(user, own);
        }
    }

    /**
     * The strings of tenants outside {@code visible} that {@code answer} contains, except those the caller sent itself
     * ({@code sent}: path, body) or may know anyway ({@code own}: its tenant's id, its gateway's id, its household).
     */
    List<String> leaks(String answer, Set<String> visible, String sent, Set<String> own) {
        return markers.entrySet().stream()
                .filter(e -> !visible.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .filter(answer::contains)
                .filter(m -> !sent.contains(m) && !own.contains(m))
                .sorted().toList();
    }

    /** What a household login may see of its own household. */
    Set<String> ownHouseholdOf(String user) {
        return ownHousehold.getOrDefault(user, Set.of());
    }
}
