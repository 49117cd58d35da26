package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.enrollmentCode;
import static org.smgwlite.platform.it.ItPlatform.householdOfGateway;
import static org.smgwlite.platform.it.ItPlatform.registeredGateway;
import static org.smgwlite.platform.it.ItPlatform.sql;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.UploadService;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.agent.upload.Uploader;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.devstack.Postgres;

/**
 * PostgreSQL stopped while a gateway uploads: the platform answers 503 with a retry time (never 500, and at once, not
 * after a hang), the gateway keeps its batch and backs off as told, and once PostgreSQL is started again the platform
 * serves without a restart of its own and the backlog lands, every value exactly once.
 *
 * <p>A gateway with two weeks of backlog (two registers, a batch a day) uploads with the agent's own
 * {@link UploadService} through a {@link SlowLink} (answers 300 ms late, so the run is still under way when the
 * database goes). After the second batch is committed the test's PostgreSQL is stopped ({@link Postgres#stop()}:
 * {@code pg_ctl stop -m fast}, sessions ended, data kept) for {@code -Dit.outage.seconds} (default
 * {@value #DEFAULT_OUTAGE_SECONDS}; the five minutes: {@code -Dit.outage.seconds=300}). Meanwhile the
 * operator API and the SMGW.Lite door are asked every few seconds: each answer is 503 with {@code Retry-After} and
 * {@code fields.reason DATABASE_UNAVAILABLE}, within {@value OutageChecks#FAIL_FAST_SECONDS} s. Then PostgreSQL is started on the
 * same data and port, and the same Payara (same pid) answers the operator 200 again.
 *
 * <p>PostgreSQL runs again when this class ends, also after a failure, so later test classes find it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT extends OnDevicePort {

    static final long DEFAULT_OUTAGE_SECONDS = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("it.outage.seconds", DEFAULT_OUTAGE_SECONDS));
    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";
    private static final int DAYS = 14;
    private static final int SLOTS = DAYS * 96;
    private static final int VALUES = 2 * SLOTS;
    /** One day of both registers per batch. */
    private static final int PER_BATCH = 2 * 96;
    private static final int BATCHES = VALUES / PER_BATCH;
    private static final int STOP_AFTER_BATCHES = 2;
    private static final String DOOR = ItPlatform.BASE + "/api/legacy/smgwlite/" + ItPlatform.TENANT + "/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void while_postgresql_is_stopped_uploads_get_503_with_a_retry_time_and_afterwards_every_value_lands_once(
            @TempDir Path agentDir) throws Exception {
        String gw = registeredGateway();
        long household = householdOfGateway(gw);
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS + 1));
        long payaraPid = payaraPid();
        Postgres database = ItServices.database();
        SlowLink link = new SlowLink(DevicePort.PORT, Duration.ofMillis(300));
        UploadSettings settings = new UploadSettings(URI.create(ItPlatform.DEVICE), URI.create("https://localhost:" + link.port()),
                ItPlatform.TENANT, gw, enrollmentCode(gw), rootChain, agentDir.resolve("credentials"), Duration.ofMinutes(5),
                Duration.ofHours(4));
        // waits from 1 s doubling to 60 s, each at least the platform's Retry-After: enough attempts for the outage
        int attempts = (int) (OUTAGE.toSeconds() / 30 + 20);
        Uploader.Pacing pacing = new Uploader.Pacing(PER_BATCH, Duration.ofSeconds(1), Duration.ofSeconds(60), attempts);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> duringOutage = new ArrayList<>();
        ExecutorService agentThread = Executors.newSingleThreadExecutor();
        Uploader.Run run;
        try (link; ValueStore store = ValueStore.open(agentDir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            store.appendBilling(backlog(first));
            UploadService agent = new UploadService(settings, PendingValues.of(store), null, pacing, Clock.systemUTC(), events::add);
            Future<Uploader.Run> upload = agentThread.submit(agent::uploadNow);
            CommittedBatches.await(gw, STOP_AFTER_BATCHES, upload, "the outage");

            long stoppedAt = System.nanoTime();
            database.stop();
            do {
                duringOutage.add(OutageChecks.timed(() -> ItPlatform.operator("GET", "/gateways?limit=1", null)));
                duringOutage.add(OutageChecks.timed(() -> HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "?ID=zz9"))
                        .header("X-Auth-Token", "not-a-token").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build(),
                        HttpResponse.BodyHandlers.ofString())));
                Thread.sleep(3_000);
            } while (System.nanoTime() - stoppedAt < OUTAGE.toNanos());
            assertThat(upload.isDone()).as("the agent is still waiting for the platform at the end of the outage:\n"
                    + String.join("\n", events)).isFalse();
            database.start();
            long restartedAt = System.nanoTime();

            assertThat(awaitOperatorOk()).as("the operator API answers 200 again after the restart of PostgreSQL").isEqualTo(200);
            run = upload.get(OUTAGE.toSeconds() + 300, TimeUnit.SECONDS);
            System.out.printf("DatabaseOutageIT: PostgreSQL stopped for %d s; backlog done %d ms after its restart%n",
                    OUTAGE.toSeconds(), (System.nanoTime() - restartedAt) / 1_000_000);
            assertThat(store.readUnacknowledged(10)).as("the agent's store holds nothing unacknowledged").isEmpty();
        } finally {
            agentThread.shutdownNow();
            database.start(); // later test classes need it; nothing happens if it runs
        }

        OutageChecks.assertToldToRetry(duringOutage, run.complete(), events);
        assertThat(payaraPid()).as("the same Payara JVM: no restart of the platform").isEqualTo(payaraPid);

        assertStoredExactlyOnce(String.valueOf(household));
        assertThat(sql("SELECT count(*) || ' ' || count(DISTINCT body_sha256) || ' ' || sum(accepted) || ' ' || sum(duplicates)"
                + " || ' ' || sum(rejected) FROM reading_batch WHERE gateway_id = ?", gw))
                .as("batches, distinct bodies, accepted, duplicates, rejected: each batch recorded once")
                .containsExactly(BATCHES + " " + BATCHES + " " + VALUES + " 0 0");
    }

    /** Polls the operator API until it answers 200 (at most 60 s); returns the last status. */
    private static int awaitOperatorOk() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            status = ItPlatform.operator("GET", "/gateways?limit=1", null).statusCode();
            if (status == 200) {
                return status;
            }
            assertThat(status).as("while the pool reconnects: 503, never 500").isEqualTo(503);
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return status;
    }

    /** The pid of the test's Payara server JVM (domain1's {@code config/pid}). */
    private static long payaraPid() throws Exception {
        Path pidFile = Path.of(System.getProperty("payara.home"), "glassfish/domains/domain1/config/pid");
        return Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
    }

    /** Every value of the backlog stored once with its exact reading, and no gap. */
    private static void assertStoredExactlyOnce(String household) throws Exception {
        for (String obis : List.of(IMPORT, EXPORT)) {
            BigInteger expectedSum = BigInteger.ZERO;
            for (int slot = 0; slot < SLOTS; slot++) {
                expectedSum = expectedSum.add(BigInteger.valueOf(reading(obis, slot)));
            }
            assertThat(sql("SELECT count(*) || ' ' || count(DISTINCT slot_start) || ' ' || sum(value_unscaled)"
                            + " FROM meter_reading WHERE household_id = ?::bigint AND obis = ?", household, obis))
                    .as(obis + ": values, distinct slots, sum of readings")
                    .containsExactly(SLOTS + " " + SLOTS + " " + expectedSum);
        }
        assertThat(sql("SELECT count(*) FROM reading_gap WHERE household_id = ?::bigint", household)).containsExactly("0");
    }

    /** Two weeks of quarter hours, import and export, oldest first. */
    private static List<TafValue> backlog(Instant first) {
        List<TafValue> values = new ArrayList<>(VALUES);
        for (int slot = 0; slot < SLOTS; slot++) {
            Instant at = first.plus(Duration.ofMinutes(15L * slot));
            for (String obis : List.of(IMPORT, EXPORT)) {
                values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(obis),
                        new ExactValue(reading(obis, slot), -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            }
        }
        return values;
    }

    /** The register reading in 0.1 Wh: import 280 W, export 8 W on average. */
    private static long reading(String obis, int slot) {
        return obis.equals(IMPORT) ? 30_000_000L + 700L * slot : 600_000L + 20L * slot;
    }
}
