package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.enrollmentCode;
import static org.smgwlite.platform.it.ItPlatform.householdOfGateway;
import static org.smgwlite.platform.it.ItPlatform.registeredGateway;
import static org.smgwlite.platform.it.ItPlatform.sql;

import java.math.BigInteger;
import java.net.URI;
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
import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EventType;
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

/**
 * Killing the platform mid-upload and restarting it loses and duplicates nothing.
 *
 * <p>A gateway back from four weeks offline (two registers, one real gap) uploads its backlog with the agent's
 * own {@link UploadService} over the mutual-TLS device port, in batches of two days, through a {@link SlowLink}
 * that delivers the platform's answers 300 ms late (a mobile link). As soon as the fourth batch is committed in
 * the database, the link drops its connections and the Payara server JVM gets SIGKILL: the platform has stored
 * batch 4, the agent never got its answer (the hardest case: a lost acknowledgement across a crash). The domain
 * is started again with {@code asadmin start-domain}; the agent retries the same signed bytes until the platform
 * answers (with its first answer, "repeated") and finishes its backlog. Then the database holds every value
 * exactly once, one row per batch, the real gap and no other, the Eichlog once; the agent's store is empty;
 * and the whole backlog uploaded again (an agent that lost every acknowledgement) stores nothing new.
 *
 * <p>The domain is running again when this class ends, also after a failure, so later test classes and
 * Arquillian's undeploy and stop find their server; there is never a second Payara (the same domain is
 * restarted, and Arquillian's {@code stop-domain} ends it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformKillIT extends OnDevicePort {

    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";
    private static final int DAYS = 28;
    private static final int SLOTS = DAYS * 96;
    /** The one slot of the import register the meter did not deliver: a real gap. */
    private static final int GAP_SLOT = 10 * 96 + 37;
    private static final int VALUES = 2 * SLOTS - 1;
    /** Two days of both registers per batch: 14 batches. */
    private static final int PER_BATCH = 2 * 2 * 96;
    private static final int BATCHES = (VALUES + PER_BATCH - 1) / PER_BATCH;
    private static final int KILL_AFTER_BATCHES = 4;
    private static final URI READY = URI.create(ItPlatform.BASE + "/health/ready");
    private static final Duration LINK_DELAY = Duration.ofMillis(300);

    @Test
    void killing_the_platform_mid_upload_and_restarting_it_loses_and_duplicates_nothing(@TempDir Path agentDir) throws Exception {
        String gw = registeredGateway();
        long household = householdOfGateway(gw);
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS + 1));
        SlowLink link = new SlowLink(DevicePort.PORT, LINK_DELAY);
        UploadSettings settings = new UploadSettings(URI.create(ItPlatform.DEVICE), URI.create("https://localhost:" + link.port()),
                ItPlatform.TENANT, gw, enrollmentCode(gw), rootChain, agentDir.resolve("credentials"), Duration.ofMinutes(5),
                Duration.ofHours(4));
        // retry every 1..4 s for up to ~3 min: the platform is back within about a minute
        Uploader.Pacing pacing = new Uploader.Pacing(PER_BATCH, Duration.ofSeconds(1), Duration.ofSeconds(4), 50);
        Path eichlogFile = agentDir.resolve("eichlog.log");
        try (Eichlog eichlog = Eichlog.open(eichlogFile, Clock.systemUTC())) {
            eichlog.append(EventType.START, "device-agent pid 1");
            eichlog.append(EventType.SOURCE_BACK, "back after four weeks offline");
        }
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ManagedDomain domain = new ManagedDomain(Path.of("target", "kill-it-asadmin.log").toAbsolutePath());
        ExecutorService agentThread = Executors.newSingleThreadExecutor();
        try (link; ValueStore store = ValueStore.open(agentDir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            store.appendBilling(backlog(first));
            UploadService agent = new UploadService(settings, PendingValues.of(store), eichlogFile, pacing, Clock.systemUTC(),
                    events::add);

            Future<Uploader.Run> upload = agentThread.submit(agent::uploadNow);
            long committedBeforeKill = CommittedBatches.await(gw, KILL_AFTER_BATCHES, upload, "the kill");
            int eventsAtKill = events.size();
            long killedAt = System.nanoTime();
            link.cut();
            domain.kill();
            domain.start(READY);
            long restartedMs = (System.nanoTime() - killedAt) / 1_000_000;
            Uploader.Run run = upload.get(3, TimeUnit.MINUTES);
            long doneMs = (System.nanoTime() - killedAt) / 1_000_000;
            List<String> afterKill = List.copyOf(events.subList(eventsAtKill, events.size()));
            System.out.printf("PlatformKillIT: SIGKILL after %d committed batches; platform ready again after %d ms, backlog done"
                    + " after %d ms%n", committedBeforeKill, restartedMs, doneMs);

            assertThat(run.complete()).as(String.join("\n", events)).isTrue();
            assertThat(afterKill).as("the kill hit the upload: attempts failed, then the batch whose answer was lost went again,"
                    + " answered as a repeat, and the rest went through")
                    .anyMatch(e -> e.startsWith("upload attempt"))
                    .anyMatch(e -> e.startsWith(Uploader.ACKNOWLEDGED) && e.contains("\"repeated\":true"));
            assertThat(run.batches()).hasSize(BATCHES);
            assertThat(run.sent()).isEqualTo(VALUES);
            assertThat(store.readUnacknowledged(10)).as("the agent's store holds nothing unacknowledged").isEmpty();
        } finally {
            agentThread.shutdownNow();
            if (!domain.running()) {
                domain.start(READY); // later test classes and Arquillian's undeploy need the server
            }
        }

        String hh = String.valueOf(household);
        assertStoredExactlyOnce(hh, first);
        assertThat(sql("SELECT count(*) || ' ' || count(DISTINCT body_sha256) || ' ' || sum(accepted) || ' ' || sum(duplicates)"
                + " || ' ' || sum(rejected) FROM reading_batch WHERE gateway_id = ?", gw))
                .as("batches, distinct bodies, accepted, duplicates, rejected: each batch recorded once")
                .containsExactly(BATCHES + " " + BATCHES + " " + VALUES + " 0 0");
        assertThat(sql("SELECT string_agg(n || ' ' || type, ',' ORDER BY n) FROM eichlog_entry WHERE gateway_id = ?", gw))
                .containsExactly("1 START,2 SOURCE_BACK");

        // the same backlog once more, as from an agent that lost every acknowledgement: nothing changes
        try (ValueStore again = ValueStore.open(agentDir.resolve("store-again"), 64L << 20, WriteGuard.NONE, e -> { })) {
            again.appendBilling(backlog(first));
            UploadSettings direct = new UploadSettings(settings.platform(), URI.create(ItPlatform.DEVICE), settings.tenant(), gw, "",
                    settings.rootPem(), settings.credentialDir(), settings.spreadMinimum(), settings.spreadWindow());
            Uploader.Run repeat = new UploadService(direct, PendingValues.of(again), null, pacing, Clock.systemUTC(), e -> { })
                    .uploadNow();
            assertThat(repeat.complete()).isTrue();
            assertThat(repeat.batches()).hasSize(BATCHES);
        }
        assertStoredExactlyOnce(hh, first);
        assertThat(sql("SELECT sum(accepted) || ' ' || sum(duplicates) FROM reading_batch WHERE gateway_id = ?", gw))
                .containsExactly(VALUES + " " + VALUES);
    }

    /** Every value of the backlog stored once with its exact reading, the one real gap recorded and no other. */
    private static void assertStoredExactlyOnce(String household, Instant first) throws Exception {
        for (String obis : List.of(IMPORT, EXPORT)) {
            BigInteger expectedSum = BigInteger.ZERO;
            for (int slot = 0; slot < SLOTS; slot++) {
                if (!(obis.equals(IMPORT) && slot == GAP_SLOT)) {
                    expectedSum = expectedSum.add(BigInteger.valueOf(reading(obis, slot)));
                }
            }
            int expectedCount = obis.equals(IMPORT) ? SLOTS - 1 : SLOTS;
            assertThat(sql("SELECT count(*) || ' ' || count(DISTINCT slot_start) || ' ' || sum(value_unscaled)"
                            + " FROM meter_reading WHERE household_id = ?::bigint AND obis = ?", household, obis))
                    .as(obis + ": values, distinct slots, sum of readings")
                    .containsExactly(expectedCount + " " + expectedCount + " " + expectedSum);
        }
        assertThat(sql("SELECT obis || ' ' || to_char(slot_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ' '"
                + " || split_part(reason, ':', 1) FROM reading_gap WHERE household_id = ?::bigint", household))
                .containsExactly(IMPORT + " " + first.plus(Duration.ofMinutes(15L * GAP_SLOT)) + " MISSING");
    }

    /** Four weeks of quarter hours, import and export, oldest first, without the import value of {@link #GAP_SLOT}. */
    private static List<TafValue> backlog(Instant first) {
        List<TafValue> values = new ArrayList<>(VALUES);
        for (int slot = 0; slot < SLOTS; slot++) {
            Instant at = first.plus(Duration.ofMinutes(15L * slot));
            for (String obis : List.of(IMPORT, EXPORT)) {
                if (obis.equals(IMPORT) && slot == GAP_SLOT) {
                    continue;
                }
                values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(obis),
                        new ExactValue(reading(obis, slot), -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            }
        }
        return values;
    }

    /** The register reading in 0.1 Wh: import 280 W, export 8 W on average. */
    private static long reading(String obis, int slot) {
        return obis.equals(IMPORT) ? 20_000_000L + 700L * slot : 500_000L + 20L * slot;
    }
}
