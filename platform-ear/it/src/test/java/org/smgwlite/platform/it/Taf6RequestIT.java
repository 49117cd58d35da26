package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smgwlite.platform.it.ItPlatform.enrollmentCode;
import static org.smgwlite.platform.it.ItPlatform.householdOfGateway;
import static org.smgwlite.platform.it.ItPlatform.operator;
import static org.smgwlite.platform.it.ItPlatform.registeredGateway;
import static org.smgwlite.platform.it.ItPlatform.sql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.Snapshot;
import org.smgwlite.agent.taf.Taf6Request;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.upload.HttpsTaf6Channel;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.Taf6Poller;
import org.smgwlite.agent.upload.UploadService;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.agent.upload.Uploader;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.metering.contract.Taf6Order;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * TAF 6 on demand on the deployed platform, with the agent's own code on the gateway side: an operator queues a
 * request over the REST API while the gateway's {@link Taf6Poller} waits in a long poll on the device port; the agent
 * takes the reading, journals it and answers with a signed batch; the request becomes ANSWERED with the exact values,
 * stored apart from the TAF 7 series, which stays as it was. Bad requests and answers get a clear 4xx or reject.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Taf6RequestIT extends OnDevicePort {

    private static final String DEVICE = "https://localhost:" + DevicePort.PORT;
    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";

    /** A gateway agent: its journal, its upload service (enrolls itself on first use) and its device-port channel. */
    private record Agent(String gatewayId, long householdId, ValueStore store, UploadService uploads, HttpsTaf6Channel channel)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            uploads.close();
            store.close();
        }
    }

    private static Agent agent(Path dir) throws Exception {
        String gw = registeredGateway();
        Files.createDirectories(dir);
        Path rootPem = dir.resolve("root.pem");
        PemCredentials.writeChain(rootPem, List.of(PemCredentials.readChain(rootChain).get(0)));
        UploadSettings settings = new UploadSettings(URI.create(DEVICE), URI.create(DEVICE), ItPlatform.TENANT, gw,
                enrollmentCode(gw), rootPem, dir.resolve("credentials"), Duration.ofMinutes(5), Duration.ofHours(4));
        ValueStore store = ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { });
        UploadService uploads = new UploadService(settings, PendingValues.of(store), null, Clock.systemUTC(), e -> { });
        return new Agent(gw, householdOfGateway(gw), store, uploads, new HttpsTaf6Channel(URI.create(DEVICE), uploads::deviceTls));
    }

    /** The meter's latest telegram as the agent's TAF engine sees it. */
    private static Snapshot meter(Instant at, long importTenthWh, long exportTenthWh) {
        return new Snapshot(at, "0a01455359", List.of(
                new Snapshot.Register(ObisCode.parse(IMPORT), new ExactValue(importTenthWh, -1, DlmsUnit.WATT_HOUR), null),
                new Snapshot.Register(ObisCode.parse(EXPORT), new ExactValue(exportTenthWh, -1, DlmsUnit.WATT_HOUR), null)),
                null, 0);
    }

    /**
     * Another node of the deployment group queues a request: what its {@code Taf6Requests.queue} commits (the row and
     * its {@code smgw_taf6_queued} signal, one transaction) is written here straight into the database, and the poll
     * waiting on this node answers with it at once instead of at the end of its 30 s.
     */
    @Test
    void a_request_queued_on_another_node_wakes_the_poll_waiting_on_this_one(@TempDir Path dir) throws Exception {
        try (Agent agent = agent(dir)) {
            assertThat(agent.channel().poll(Duration.ZERO)).as("enrolled, nothing open yet").isEmpty();
            CompletableFuture<List<Taf6Order>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return agent.channel().poll(Duration.ofSeconds(30));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2_000);
            assertThat(waiting).as("the poll waits on this node").isNotDone();

            long queued = System.nanoTime();
            sql("WITH r AS (INSERT INTO taf6_request (tenant_id, gateway_id, household_id, reason, requested_by)"
                    + " VALUES (?, ?, ?::bigint, 'asked on node B', 'operator@node-b') RETURNING id)"
                    + " SELECT pg_notify('smgw_taf6_queued', ? || ' ' || ?) FROM r",
                    ItPlatform.TENANT, agent.gatewayId(), String.valueOf(agent.householdId()), ItPlatform.TENANT, agent.gatewayId());

            List<Taf6Order> orders = waiting.get(20, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - queued) / 1e9;
            System.out.printf("TAF 6 from another node: poll answered %.3f s after the commit%n", seconds);
            assertThat(orders).extracting(Taf6Order::reason).containsExactly("asked on node B");
            assertThat(seconds).as("woken by the signal, not by the poll's 30 s timeout").isLessThan(5);
        }
    }

    @Test
    void an_operator_requests_a_reading_the_waiting_agent_answers_and_the_load_curve_stays_taf7(@TempDir Path dir) throws Exception {
        try (Agent agent = agent(dir)) {
            // the day-after series first: four quarter hours of yesterday
            Instant slot0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(14));
            List<TafValue> taf7 = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                taf7.add(new TafValue(0, TafKind.TAF7, "0a01455359", slot0.plusSeconds(900L * i), ObisCode.parse(IMPORT),
                        new ExactValue(20_000_000L + 1_000L * i, -1, DlmsUnit.WATT_HOUR), slot0.plusSeconds(900L * i), ValueStatus.OK, null));
            }
            agent.store().appendBilling(taf7);
            assertThat(agent.uploads().uploadNow().acknowledged()).isTrue();
            List<String> curveBefore = series(agent.householdId());

            // the gateway waits in a long poll before the operator asks; its reading falls on a TAF 7 slot on purpose
            Instant readAt = slot0.plusSeconds(900);
            List<String> events = new ArrayList<>();
            Taf6Poller poller = new Taf6Poller(agent.channel(),
                    order -> append(agent.store(), new Taf6Request(order.reason(), readAt, order.id()).take(meter(readAt, 20_001_234, 55_555))),
                    agent.uploads()::answerNow, d -> Thread.sleep(d.toMillis()), System::nanoTime, events::add);
            poller.start();
            try {
                Thread.sleep(2_000);
                long asked = System.nanoTime();
                HttpResponse<String> queued = operator("POST", "/gateways/" + agent.gatewayId() + "/taf6-requests",
                        "{\"reason\":\"Zählerwechsel\"}");
                assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
                assertThat(queued.body()).contains("\"status\":\"QUEUED\"").contains("\"reason\":\"Zählerwechsel\"");
                long id = JsonObject.parse(queued.body()).longValue("id");

                String answered = awaitStatus(agent.gatewayId(), id, "ANSWERED", Duration.ofSeconds(60));
                double seconds = (System.nanoTime() - asked) / 1e9;
                System.out.printf("TAF 6: queued to ANSWERED in %.1f s (long poll waiting when the operator asked)%n", seconds);
                assertThat(seconds).as(String.join("\n", events)).isLessThan(20);
                assertThat(answered).contains("\"pickedUpAt\":\"").contains("\"answeredAt\":\"")
                        .contains("{\"obis\":\"" + IMPORT + "\",\"ptbLevel\":0,\"readAt\":\"" + readAt + "\",\"unit\":\"Wh\",\"value\":2000123.4}")
                        .contains("{\"obis\":\"" + EXPORT + "\",\"ptbLevel\":0,\"readAt\":\"" + readAt + "\",\"unit\":\"Wh\",\"value\":5555.5}");
            } finally {
                poller.close();
            }

            assertThat(agent.store().readUnacknowledged(100)).as("acknowledged after the platform's 200").isEmpty();
            assertThat(sql("SELECT count(*) FROM taf6_reading WHERE household_id = ?::bigint", String.valueOf(agent.householdId())))
                    .containsExactly("2");
            assertThat(series(agent.householdId())).as("the load curve's series is untouched").isEqualTo(curveBefore)
                    .hasSize(4).allMatch(row -> row.endsWith(" 7"));
            assertThat(sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE subject = ? AND action LIKE 'TAF6%'",
                    "gateway:" + agent.gatewayId())).containsExactly("TAF6_REQUESTED,TAF6_DELIVERED,TAF6_ANSWERED");
        }
    }

    @Test
    void bad_requests_and_answers_get_a_clear_4xx_or_a_reject_with_the_reason(@TempDir Path dir) throws Exception {
        try (Agent mine = agent(dir.resolve("mine")); Agent other = agent(dir.resolve("other"))) {
            HttpResponse<String> blank = operator("POST", "/gateways/" + mine.gatewayId() + "/taf6-requests", "{\"reason\":\"  \"}");
            assertThat(blank.statusCode()).isEqualTo(400);
            assertThat(blank.body()).contains("\"reason\":\"a TAF 6 reading needs a reason\"");
            HttpResponse<String> twoLines = operator("POST", "/gateways/" + mine.gatewayId() + "/taf6-requests", "{\"reason\":\"a\\nb\"}");
            assertThat(twoLines.statusCode()).isEqualTo(400);
            HttpResponse<String> unknown = operator("POST", "/gateways/NOSUCHGW0001/taf6-requests", "{\"reason\":\"move-out\"}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("gateway NOSUCHGW0001 not found");
            HttpResponse<String> foreignTenant = ItPlatform.tenantCall("operator2", ItPlatform.TENANT, "POST",
                    "/gateways/" + mine.gatewayId() + "/taf6-requests", "{\"reason\":\"move-out\"}");
            assertThat(foreignTenant.statusCode()).isEqualTo(403);

            HttpResponse<String> queued = operator("POST", "/gateways/" + mine.gatewayId() + "/taf6-requests", "{\"reason\":\"move-out\"}");
            long id = JsonObject.parse(queued.body()).longValue("id");
            assertThat(other.channel().poll(Duration.ZERO)).as("another gateway does not see the request").isEmpty();
            assertThatThrownBy(() -> other.channel().failed(id, "not mine")).hasMessageContaining("404");

            // another gateway answers it, and an answer names a request that does not exist: rejects, nothing stored
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            append(other.store(), new Taf6Request("move-out", now, id).take(meter(now, 30_000_000, 0)));
            append(other.store(), new Taf6Request("move-out", now.plusSeconds(1), 987_654_321L).take(meter(now, 30_000_000, 0)));
            Uploader.Result answer = other.uploads().answerNow();
            assertThat(answer.acknowledged()).isTrue();
            assertThat(answer.answer()).contains("\"rejected\":4").contains("\"reason\":\"NOT_YOUR_REQUEST\"")
                    .contains("\"reason\":\"UNKNOWN_REQUEST\"");
            assertThat(sql("SELECT count(*) FROM taf6_reading WHERE household_id = ?::bigint", String.valueOf(other.householdId())))
                    .containsExactly("0");

            // the right gateway picks it up but has no meter reading: it says so, and the request is FAILED with that reason
            List<Taf6Order> orders = mine.channel().poll(Duration.ZERO);
            assertThat(orders).extracting(Taf6Order::id).containsExactly(id);
            mine.channel().failed(id, "TAF 6 'move-out': no meter reading received since start");
            assertThat(awaitStatus(mine.gatewayId(), id, "FAILED", Duration.ofSeconds(5)))
                    .contains("\"statusReason\":\"TAF 6 'move-out': no meter reading received since start\"");
            assertThatThrownBy(() -> mine.channel().failed(id, "again")).hasMessageContaining("409");
            // a late answer to a failed request is refused
            append(mine.store(), new Taf6Request("move-out", now, id).take(meter(now, 30_000_000, 0)));
            assertThat(mine.uploads().answerNow().answer()).contains("\"reason\":\"REQUEST_CLOSED\"");
            assertThatThrownBy(() -> mine.channel().poll(Duration.ofSeconds(999))).hasMessageContaining("400")
                    .hasMessageContaining("wait");
        }
    }

    @Test
    void an_operator_requests_a_reading_in_the_admin_ui_and_sees_it_arrive(@TempDir Path dir) throws Exception {
        try (Agent agent = agent(dir)) {
            Instant readAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
            Taf6Poller poller = new Taf6Poller(agent.channel(),
                    order -> append(agent.store(), new Taf6Request(order.reason(), readAt, order.id()).take(meter(readAt, 42_000_005, 70_000))),
                    agent.uploads()::answerNow, d -> Thread.sleep(d.toMillis()), System::nanoTime, e -> { });
            poller.start();
            try (Browser operator = new Browser()) {
                operator.signIn(ItPlatform.BASE + "/ui/", "operator", "operator");
                operator.driver().get(ItPlatform.BASE + "/ui/gateways");
                operator.type("gateways-filter", agent.gatewayId());
                // the list is paged on the server: the row shows once the search has gone there and back
                operator.awaitGridCell("gateways-grid", agent.gatewayId(), true);
                operator.clickGridCell("gateways-grid", agent.gatewayId());
                operator.type("taf6-reason", "Lieferantenwechsel");
                operator.click("taf6-request");

                operator.awaitGridCell("taf6-requests-grid", "Lieferantenwechsel", true);
                operator.awaitGridCell("taf6-requests-grid", "ANSWERED", true);
                operator.awaitGridCell("taf6-requests-grid", IMPORT + " = 4200000.5 Wh; " + EXPORT + " = 7000.0 Wh", true);
                Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                Files.write(shots.resolve("taf6-request.png"),
                        ((org.openqa.selenium.TakesScreenshot) operator.driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } finally {
                poller.close();
            }
        }
    }

    private static List<TafValue> append(ValueStore store, List<TafValue> values) {
        try {
            return store.appendBilling(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The household's TAF 7 series as the load curve reads it: slot, register, value, taf. */
    private static List<String> series(long householdId) throws Exception {
        return sql("SELECT slot_start || ' ' || obis || ' ' || value_unscaled || 'e' || scaler || ' ' || taf FROM meter_reading"
                + " WHERE household_id = ?::bigint ORDER BY slot_start, obis", String.valueOf(householdId));
    }

    /** Polls the operator's list until request {@code id} has {@code status}; returns that request's JSON. */
    private static String awaitStatus(String gw, long id, String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> list = operator("GET", "/gateways/" + gw + "/taf6-requests", null);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            last = JsonObject.parseArray(list.body()).stream().filter(r -> r.longValue("id") == id)
                    .findFirst().map(JsonObject::toString).orElse(list.body());
            if (last.contains("\"status\":\"" + status + "\"")) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("request " + id + " did not become " + status + " within " + within + ": " + last);
    }

}
