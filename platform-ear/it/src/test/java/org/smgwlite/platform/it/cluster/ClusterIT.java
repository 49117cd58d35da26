package org.smgwlite.platform.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.TENANT;
import static org.smgwlite.platform.it.ItPlatform.sql;
import static org.smgwlite.platform.it.cluster.ItCluster.operatorOn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.Snapshot;
import org.smgwlite.agent.taf.Taf6Request;
import org.smgwlite.agent.upload.HttpsTaf6Channel;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.UploadService;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.agent.upload.Uploader;
import org.smgwlite.metering.contract.Taf6Order;
import org.smgwlite.pki.crl.CrlSigner;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.platform.it.ItPlatform;
import org.smgwlite.platform.it.TestGateway;

/**
 * Nothing correct only on one node: state made on node 1 is seen on node 2 at once, with no shared JVM memory between
 * them (PostgreSQL {@code LISTEN/NOTIFY}). Each test talks to the nodes past the balancer ({@link ItCluster#base},
 * {@link ItCluster#device}), so which node does what is fixed, not left to round robin.
 */
class ClusterIT {

    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ItCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = ItCluster.get();
    }

    /**
     * A gateway long-polls node 2's device port; the operator queues a TAF 6 request on node 1's REST API. The poll on
     * node 2 answers with it within seconds (woken by node 1's commit, not by the end of its 30 s), the agent answers
     * on node 2, and both nodes' REST API show the request ANSWERED with the exact values.
     */
    @Test
    void a_taf6_request_queued_on_node_1_reaches_the_gateway_polling_node_2_and_its_answer_is_seen_on_both(@TempDir Path dir)
            throws Exception {
        String gw = ItPlatform.registeredGateway();
        Path rootPem = dir.resolve("root.pem");
        PemCredentials.writeChain(rootPem, List.of(PemCredentials.readChain(cluster.rootChain()).get(0)));
        URI node2 = URI.create(ItCluster.device(2));
        UploadSettings settings = new UploadSettings(node2, node2, TENANT, gw, ItPlatform.enrollmentCode(gw), rootPem,
                dir.resolve("credentials"), Duration.ofMinutes(5), Duration.ofHours(4));
        try (ValueStore store = ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            UploadService uploads = new UploadService(settings, PendingValues.of(store), null, Clock.systemUTC(), e -> { });
            try {
                HttpsTaf6Channel channel = new HttpsTaf6Channel(node2, uploads::deviceTls);
                assertThat(channel.poll(Duration.ZERO)).as("enrolled on node 2, nothing open yet").isEmpty();
                CompletableFuture<List<Taf6Order>> waiting = CompletableFuture.supplyAsync(() -> {
                    try {
                        return channel.poll(Duration.ofSeconds(30));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(2_000);
                assertThat(waiting).as("the poll waits on node 2").isNotDone();

                long asked = System.nanoTime();
                HttpResponse<String> queued = operatorOn(1, "POST", "/gateways/" + gw + "/taf6-requests", "{\"reason\":\"Zählerwechsel\"}");
                assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
                long id = JsonObject.parse(queued.body()).longValue("id");

                List<Taf6Order> orders = waiting.get(25, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - asked) / 1e9;
                System.out.printf("ClusterIT: TAF 6 queued on node 1, node 2's poll answered after %.3f s%n", seconds);
                assertThat(orders).extracting(Taf6Order::id).containsExactly(id);
                assertThat(seconds).as("woken by node 1's commit, not by the poll's 30 s").isLessThan(5);

                Instant readAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
                store.appendBilling(new Taf6Request(orders.get(0).reason(), readAt, id).take(meter(readAt, 20_001_234, 55_555)));
                Uploader.Result answer = uploads.answerNow();
                assertThat(answer.acknowledged()).as(answer.answer()).isTrue();
            } finally {
                uploads.close();
            }
        }

        for (int node = 1; node <= ItCluster.NODES; node++) {
            HttpResponse<String> list = operatorOn(node, "GET", "/gateways/" + gw + "/taf6-requests", null);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(list.body()).as("node " + node).contains("\"status\":\"ANSWERED\"")
                    .contains("\"obis\":\"" + IMPORT + "\"").contains("\"value\":2000123.4")
                    .contains("\"obis\":\"" + EXPORT + "\"").contains("\"value\":5555.5");
        }
    }

    /**
     * A gateway known to both nodes (its certificate used on each, node 2's CRL of the tenant fetched and cached) is
     * revoked by the operator on node 1: node 2's device port refuses the certificate on the next request, and node 2's
     * CRL lists every serial of the gateway within seconds, though its cached list was fresh for a quarter of an hour.
     * The CRL is the cluster's (stored in {@code tenant_ca}, V24): both nodes serve the same one, before and after, and
     * its number only goes up.
     */
    @Test
    void a_revocation_on_node_1_is_refused_by_node_2s_device_port_at_once_and_on_node_2s_crl() throws Exception {
        X509Certificate root = PemCredentials.readChain(cluster.rootChain()).get(0);
        String gwId = "CLGW" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long household = ItPlatform.newHousehold(TENANT, "Cluster IT revocation");
        TestGateway.Platform platform = new TestGateway.Platform(ItCluster.base(1), ItCluster.device(2), TENANT, root);
        TestGateway gw = platform.enroll(gwId, household, platform.register(ItPlatform.token("operator"), gwId, household));
        for (int node = 1; node <= ItCluster.NODES; node++) {
            TestGateway.Answer whoami = whoami(gw, node);
            assertThat(whoami.statusCode()).as("node " + node + ": " + whoami.body()).isEqualTo(200);
            assertThat(whoami.body()).contains("\"gatewayId\":\"" + gwId + "\"");
        }
        List<BigInteger> serials = sql("SELECT serial_hex FROM certificate WHERE tenant_id = ? AND gateway_id ="
                + " (SELECT id FROM gateway WHERE tenant_id = ? AND gateway_id = ?)", TENANT, TENANT, gwId)
                .stream().map(hex -> new BigInteger(hex, 16)).toList();
        assertThat(serials).as("TLS and signature certificate").hasSize(2);
        X509CRL before = crl(2);
        assertThat(serials).as("node 2's cached CRL before").allMatch(s -> before.getRevokedCertificate(s) == null);
        assertThat(crl(1).getEncoded()).as("node 1 serves the CRL node 2 serves").isEqualTo(before.getEncoded());

        HttpResponse<String> revoked = operatorOn(1, "POST", "/gateways/" + gwId + "/revoke", "{\"reason\":\"keyCompromise\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        long revokedAt = System.nanoTime();

        TestGateway.Answer refused = whoami(gw, 2);
        assertThat(refused.statusCode()).as("node 2's device port, first request after the revocation: " + refused.body())
                .isEqualTo(403);
        assertThat(refused.body()).contains("\"reason\":\"REVOKED\"");
        X509CRL listed = crl(2);
        while (System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos() && !listsAll(listed, serials)) {
            Thread.sleep(100);
            listed = crl(2);
        }
        System.out.printf("ClusterIT: revocation on node 1 on node 2's CRL after %.3f s%n", (System.nanoTime() - revokedAt) / 1e9);
        X509CRL onNode2 = listed;
        assertThat(serials).as("node 2's CRL lists every serial of the gateway within 5 s")
                .allMatch(s -> onNode2.getRevokedCertificate(s) != null);
        assertThat(CrlSigner.number(onNode2)).as("CRL number after the revocation").isGreaterThan(CrlSigner.number(before));
        assertThat(crl(1).getEncoded()).as("node 1 serves the CRL node 2 serves").isEqualTo(onNode2.getEncoded());
    }

    private static boolean listsAll(X509CRL crl, List<BigInteger> serials) {
        return serials.stream().allMatch(s -> crl.getRevokedCertificate(s) != null);
    }

    private static TestGateway.Answer whoami(TestGateway gw, int node) throws IOException {
        return TestGateway.send(gw.tls(), "GET", ItCluster.device(node) + "/api/device/whoami", null, null, null);
    }

    /** Node {@code node}'s CRL of the demo tenant (DER), as a relying party fetches it. */
    private static X509CRL crl(int node) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(ItCluster.base(node) + "/api/crl/" + TENANT + ".crl"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("CRL of node " + node).isEqualTo(200);
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(r.body()));
    }

    /** The meter's latest telegram as the agent's TAF engine sees it. */
    private static Snapshot meter(Instant at, long importTenthWh, long exportTenthWh) {
        return new Snapshot(at, "0a01455359", List.of(
                new Snapshot.Register(ObisCode.parse(IMPORT), new ExactValue(importTenthWh, -1, DlmsUnit.WATT_HOUR), null),
                new Snapshot.Register(ObisCode.parse(EXPORT), new ExactValue(exportTenthWh, -1, DlmsUnit.WATT_HOUR), null)),
                null, 0);
    }
}
