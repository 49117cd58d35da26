package org.smgwlite.platform.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.est.EstWireFormat;

/**
 * How the security matrix calls each REST endpoint ({@link RestEndpoints}) against a target tenant: who may get an
 * answer ({@link Access}), and the request with that tenant's real ids in its path and body. An endpoint without a
 * recipe here fails the matrix, so that a new endpoint is never left out silently.
 */
final class EndpointRecipes {

    /** Who may act, and on which port the endpoint is served. */
    enum Access {
        /** Anyone, signed in or not; browser port. */
        PUBLIC(false),
        /** A platform admin in any tenant, an operator in their own; browser port, bearer token. */
        OPERATOR(false),
        /** A platform admin only, in any tenant; browser port, bearer token. */
        PLATFORM_ADMIN(false),
        /** A household login about its own household ({@code /api/me/...}); browser port, bearer token. */
        HOUSEHOLD_SELF(false),
        /**
         * The SMGW.Lite firmware's door: device id and {@code X-Auth-Token}, no Keycloak; browser port. The recipes send no
         * device token (and a device id no tenant has), so every caller is refused with 403, whatever its bearer token.
         */
        LEGACY_TOKEN(false),
        /** Anyone, without a client certificate too; device port. */
        DEVICE_PUBLIC(true),
        /** First enrollment; the recipe uses another tenant's gateway and code, so every caller is refused; device port. */
        ENROLLMENT_ACROSS_TENANTS(true),
        /** The gateway of the client certificate, for its own tenant and objects only; device port. */
        GATEWAY(true);

        final boolean devicePort;

        Access(boolean devicePort) {
            this.devicePort = devicePort;
        }
    }

    /**
     * One request below {@code /api/}.
     *
     * @param body     null for none
     * @param basic    HTTP Basic credentials {@code user:password}, or null
     * @param mentions the ids the caller itself put into the request (also inside an encoded body): echoing them is no leak
     */
    record Call(String method, String path, String contentType, byte[] body, String basic, String mentions) {

        static Call get(String path) {
            return new Call("GET", path, null, null, null, path);
        }

        static Call post(String path, String contentType, String body) {
            return new Call("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), null, path + " " + body);
        }

        static Call put(String path, String contentType, String body) {
            return new Call("PUT", path, contentType, body.getBytes(StandardCharsets.UTF_8), null, path + " " + body);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null, null, null, path);
        }
    }

    @FunctionalInterface
    interface CallFor {
        Call call(MatrixFixture fixture, String tenant) throws Exception;
    }

    /** @param targeted the call names a tenant or its objects; untargeted calls are made once per caller */
    record Recipe(Access access, boolean targeted, CallFor call) {
    }

    private static final String JSON = "application/json";

    /** By {@link RestEndpoints.Endpoint#key()}. */
    static final Map<String, Recipe> RECIPES = recipes();

    private EndpointRecipes() {
    }

    private static Map<String, Recipe> recipes() {
        Map<String, Recipe> r = new TreeMap<>();
        r.put("GET info", new Recipe(Access.PUBLIC, false, (f, t) -> Call.get("info")));
        r.put("GET crl/{tenant}.crl", new Recipe(Access.PUBLIC, true, (f, t) -> Call.get("crl/" + t + ".crl")));
        r.put("GET platform/root", new Recipe(Access.PUBLIC, false, (f, t) -> Call.get("platform/root")));
        // the partition upkeep's runs: every deployment has some (at startup), and their details name no tenant
        r.put("GET platform/jobs", new Recipe(Access.PLATFORM_ADMIN, false,
                (f, t) -> Call.get("platform/jobs?job=reading-partitions&limit=20")));

        // the tenant as it is: the matrix edits nothing that other tests read
        r.put("GET tenants/{tenant}", new Recipe(Access.PLATFORM_ADMIN, true, (f, t) -> Call.get("tenants/" + t)));
        r.put("PUT tenants/{tenant}", new Recipe(Access.PLATFORM_ADMIN, true, (f, t) -> Call.put("tenants/" + t, JSON,
                "{\"name\":\"" + ItPlatform.sql("SELECT name FROM tenant WHERE id = ?", t).get(0) + "\",\"kind\":\""
                        + ItPlatform.sql("SELECT kind FROM tenant WHERE id = ?", t).get(0) + "\"}")));

        // the directory narrowed to the target tenant, so the admin's answer names no other; a new tenant per call, never reused
        r.put("GET tenants", new Recipe(Access.PLATFORM_ADMIN, true, (f, t) -> Call.get("tenants?search=" + t + "&limit=20")));
        r.put("POST tenants", new Recipe(Access.PLATFORM_ADMIN, false, (f, t) -> Call.post("tenants", JSON,
                "{\"id\":\"mx-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                        + "\",\"name\":\"Matrix new tenant\",\"kind\":\"ENERGY_COMMUNITY\"}")));
        r.put("GET audit-events", new Recipe(Access.PLATFORM_ADMIN, true,
                (f, t) -> Call.get("audit-events?tenant=" + t + "&kind=GATEWAY_REGISTERED&limit=500")));

        String tenantApi = "tenants/{tenant}/";
        r.put("GET " + tenantApi + "households", new Recipe(Access.OPERATOR, true, (f, t) -> Call.get("tenants/" + t + "/households")));
        // the month reports: last month (a month that has begun); starting a run twice returns the running one
        String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).minusMonths(1).toString();
        r.put("GET " + tenantApi + "reports/{month}", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/reports/" + lastMonth + "?limit=20")));
        r.put("POST " + tenantApi + "reports/{month}", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.post("tenants/" + t + "/reports/" + lastMonth, JSON, "{}")));
        r.put("GET " + tenantApi + "households/{id}/reports/{month}", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/households/" + f.of(t).householdId() + "/reports/" + lastMonth)));
        r.put("GET " + tenantApi + "households/{id}/energy", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/households/" + f.of(t).householdId() + "/energy")));
        r.put("GET " + tenantApi + "households/{id}/latest-readings", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/households/" + f.of(t).householdId() + "/latest-readings")));
        r.put("GET " + tenantApi + "households/{id}/high-resolution", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/households/" + f.of(t).householdId() + "/high-resolution?date="
                        + yesterdayDate())));
        // yesterday: the fixture household has a value then; CSV names no household, the check is the status
        r.put("GET " + tenantApi + "households/{id}/readings", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/households/" + f.of(t).householdId() + "/readings?" + yesterday() + "&format=csv")));
        r.put("GET me/readings", new Recipe(Access.HOUSEHOLD_SELF, false, (f, t) -> Call.get("me/readings?" + yesterday() + "&format=csv")));
        // a day without readings: the run answers and makes nothing other tests could see
        r.put("POST " + tenantApi + "households/{id}/substitutes", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.post("tenants/" + t + "/households/" + f.of(t).householdId()
                        + "/substitutes?from=2020-01-06&to=2020-01-06", JSON, "{}")));
        r.put("GET " + tenantApi + "ca", new Recipe(Access.OPERATOR, true, (f, t) -> Call.get("tenants/" + t + "/ca")));
        // one kind only: a refused enrollment at a tenant names whatever gateway id the caller presented, and the matrix
        // itself presents the other tenant's (ENROLLMENT_ACROSS_TENANTS); a registration names only the tenant's own
        r.put("GET " + tenantApi + "audit-events", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/audit-events?kind=GATEWAY_REGISTERED&limit=500")));
        r.put("GET " + tenantApi + "gateways", new Recipe(Access.OPERATOR, true, (f, t) -> Call.get("tenants/" + t + "/gateways")));
        // a household has one gateway: each call registers for a new household of the target tenant
        r.put("POST " + tenantApi + "gateways", new Recipe(Access.OPERATOR, true, (f, t) -> Call.post("tenants/" + t + "/gateways", JSON,
                "{\"gatewayId\":\"MXNEW" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase()
                        + "\",\"householdId\":" + ItPlatform.newHousehold(t, "Matrix new gateway") + "}")));
        r.put("GET " + tenantApi + "gateways/summaries", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/gateways/summaries?search=MX&limit=20")));
        r.put("POST " + tenantApi + "gateways/{gatewayId}/enrollment-codes", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.post(apiGateway(f, t) + "/enrollment-codes", JSON, "{}")));
        r.put("GET " + tenantApi + "gateways/{gatewayId}/certificates", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/gateways/" + f.of(t).device().id() + "/certificates")));
        r.put("GET " + tenantApi + "gateways/{gatewayId}/certificates/{serial}/pem", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/gateways/" + f.of(t).device().id() + "/certificates/"
                        + f.of(t).device().signatureCertificate().getSerialNumber().toString(16) + "/pem")));
        r.put("POST " + tenantApi + "gateways/{gatewayId}/certificates/{serial}/revoke", new Recipe(Access.OPERATOR, true, (f, t) -> {
            TestGateway fresh = f.freshlyEnrolled(t);
            return Call.post("tenants/" + t + "/gateways/" + fresh.id() + "/certificates/"
                    + fresh.signatureCertificate().getSerialNumber().toString(16) + "/revoke", JSON, "{\"reason\":\"keyCompromise\"}");
        }));
        r.put("GET " + tenantApi + "certificates/expiring", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/certificates/expiring")));
        r.put("POST " + tenantApi + "gateways/{gatewayId}/revoke", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.post(apiGateway(f, t) + "/revoke", JSON, "{}")));
        r.put("POST " + tenantApi + "gateways/{gatewayId}/taf6-requests", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.post(apiGateway(f, t) + "/taf6-requests", JSON, "{\"reason\":\"Matrix queued\"}")));
        r.put("GET " + tenantApi + "gateways/{gatewayId}/taf6-requests", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/gateways/" + f.of(t).device().id() + "/taf6-requests")));

        // tariff profiles: each call that changes one works on a profile made for it (a delete or a new version succeeds once)
        r.put("GET " + tenantApi + "tariff-profiles", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/tariff-profiles?search=Matrix&limit=20")));
        r.put("POST " + tenantApi + "tariff-profiles", new Recipe(Access.OPERATOR, true, (f, t) -> Call.post("tenants/" + t
                + "/tariff-profiles", JSON, "{\"name\":\"" + matrixName("Matrix tariff") + "\",\"validFrom\":\"2020-01-01\","
                + "\"zones\":[{\"name\":\"ALL\",\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\","
                + "\"SATURDAY\",\"SUNDAY\"],\"from\":\"00:00\",\"to\":\"24:00\"}]}")));
        r.put("GET " + tenantApi + "tariff-profiles/{id}", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/tariff-profiles/" + ItPlatform.newTariffProfile(t, matrixName("Matrix read")))));
        r.put("POST " + tenantApi + "tariff-profiles/{id}/versions", new Recipe(Access.OPERATOR, true, (f, t) -> Call.post(
                "tenants/" + t + "/tariff-profiles/" + ItPlatform.newTariffProfile(t, matrixName("Matrix version")) + "/versions", JSON,
                "{\"validFrom\":\"" + java.time.LocalDate.now().plusDays(2) + "\",\"zones\":[{\"name\":\"ALL\",\"days\":"
                        + "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],"
                        + "\"from\":\"00:00\",\"to\":\"24:00\"}]}")));
        r.put("DELETE " + tenantApi + "tariff-profiles/{id}", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.delete("tenants/" + t + "/tariff-profiles/" + ItPlatform.newTariffProfile(t, matrixName("Matrix delete")))));
        r.put("PUT " + tenantApi + "households/{id}/tariff-profile", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.put("tenants/" + t + "/households/" + f.of(t).householdId() + "/tariff-profile", JSON,
                        "{\"profileId\":" + ItPlatform.newTariffProfile(t, matrixName("Matrix assign")) + "}")));

        // SMGW.Lite: a random device id per call, so the per-device failure limit (429) is never what answers
        String legacy = "legacy/smgwlite/{tenant}";
        r.put("POST " + legacy, new Recipe(Access.LEGACY_TOKEN, true, (f, t) -> new Call("POST", "legacy/smgwlite/" + t
                + "/?ID=" + legacyId() + "&fields=ts,m180", "application/octet-stream", new byte[8], null, "legacy/smgwlite/" + t)));
        r.put("GET " + legacy, new Recipe(Access.LEGACY_TOKEN, true,
                (f, t) -> Call.get("legacy/smgwlite/" + t + "/?backend_test=true&ID=" + legacyId())));
        r.put("POST " + legacy + "/log.php", new Recipe(Access.LEGACY_TOKEN, true, (f, t) -> new Call("POST", "legacy/smgwlite/" + t
                + "/log.php?ID=" + legacyId(), "application/octet-stream", new byte[12], null, "legacy/smgwlite/" + t)));
        r.put("GET " + tenantApi + "legacy-gateways", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/legacy-gateways?search=M&limit=20")));
        r.put("POST " + tenantApi + "legacy-gateways", new Recipe(Access.OPERATOR, true, (f, t) -> Call.post("tenants/" + t
                + "/legacy-gateways", JSON, "{\"deviceId\":\"" + legacyId() + "\",\"householdId\":"
                + ItPlatform.newHousehold(t, "Matrix new SMGW.Lite") + "}")));
        // an id no tenant has: 404 for whoever may ask, like a missing household
        r.put("GET " + tenantApi + "legacy-gateways/{deviceId}/events", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/legacy-gateways/" + f.legacyDevice(t) + "/events")));
        r.put("GET " + tenantApi + "legacy-gateways/{deviceId}/uploads", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.get("tenants/" + t + "/legacy-gateways/" + f.legacyDevice(t) + "/uploads?offset=0&limit=20")));
        r.put("POST " + tenantApi + "legacy-gateways/{deviceId}/token", new Recipe(Access.OPERATOR, true,
                (f, t) -> Call.post("tenants/" + t + "/legacy-gateways/" + f.legacyDevice(t) + "/token", JSON, "{}")));
        // a line of another tenant's device id is no conflict: each call imports one new device of a new household
        r.put("POST " + tenantApi + "legacy-gateways/import", new Recipe(Access.OPERATOR, true, (f, t) -> {
            String id = legacyId();
            return Call.post("tenants/" + t + "/legacy-gateways/import", JSON, "{\"csv\":\"device_id;token\\n" + id + ";"
                    + "a".repeat(64) + "\",\"households\":{\"" + id + "\":" + ItPlatform.newHousehold(t, "Matrix import") + "}}");
        }));

        String est = ".well-known/est/{tenant}/";
        r.put("GET " + est + "cacerts", new Recipe(Access.DEVICE_PUBLIC, true, (f, t) -> Call.get(".well-known/est/" + t + "/cacerts")));
        r.put("POST " + est + "simpleenroll", new Recipe(Access.ENROLLMENT_ACROSS_TENANTS, true, (f, t) -> {
            // a valid code of the other tenant's gateway, presented to this tenant's CA
            String other = MatrixFixture.other(t);
            String gw = f.of(other).apiGateway();
            return new Call("POST", ".well-known/est/" + t + "/simpleenroll", EstWireFormat.CSR_CONTENT_TYPE, MatrixFixture.csr(gw),
                    gw + ":" + f.freshCode(other), ".well-known/est/" + t + " " + gw);
        }));
        r.put("POST " + est + "simplereenroll", new Recipe(Access.GATEWAY, true, (f, t) -> renewal(f, t, "simplereenroll")));
        r.put("POST " + est + "signature/simplereenroll", new Recipe(Access.GATEWAY, true,
                (f, t) -> renewal(f, t, "signature/simplereenroll")));

        r.put("GET device/whoami", new Recipe(Access.GATEWAY, false, (f, t) -> Call.get("device/whoami")));
        r.put("POST device/status", new Recipe(Access.GATEWAY, false,
                (f, t) -> Call.post("device/status", JSON, "{\"agentVersion\":\"matrix\"}")));
        r.put("GET device/eichlog/head", new Recipe(Access.GATEWAY, false, (f, t) -> Call.get("device/eichlog/head")));
        r.put("GET device/taf6-requests", new Recipe(Access.GATEWAY, false, (f, t) -> Call.get("device/taf6-requests?wait=0")));
        r.put("POST device/taf6-requests/{id}/failure", new Recipe(Access.GATEWAY, true,
                (f, t) -> Call.post("device/taf6-requests/" + f.freshTaf6Request(t) + "/failure", "text/plain", "meter not readable")));
        // the batch of this tenant's gateway, signed by it: the signature certificate in it names the gateway and its tenant CA
        r.put("POST device/batches", new Recipe(Access.GATEWAY, true, (f, t) -> new Call("POST", "device/batches",
                SignedBatches.CONTENT_TYPE, f.signedBatch(t), null, "device/batches " + f.of(t).device().id() + " " + t)));
        return r;
    }

    /** {@code from} and {@code to} of the readings endpoints: yesterday in Berlin, a day that is never in the future. */
    private static String yesterday() {
        String day = yesterdayDate();
        return "from=" + day + "&to=" + day;
    }

    private static String yesterdayDate() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(1).toString();
    }

    /** A random SMGW.Lite device id ("Y" and two letters or digits). */
    static String legacyId() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "Y" + chars.charAt(r.nextInt(chars.length())) + chars.charAt(r.nextInt(chars.length()));
    }

    private static String matrixName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String apiGateway(MatrixFixture f, String tenant) {
        return "tenants/" + tenant + "/gateways/" + f.of(tenant).apiGateway();
    }

    /** A renewal at this tenant's CA for this tenant's enrolled gateway (a new key): its own gateway may, no other. */
    private static Call renewal(MatrixFixture f, String tenant, String label) {
        String gw = f.of(tenant).device().id();
        return new Call("POST", ".well-known/est/" + tenant + "/" + label, EstWireFormat.CSR_CONTENT_TYPE, MatrixFixture.csr(gw), null,
                ".well-known/est/" + tenant + " " + gw);
    }

    static String basicHeader(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
