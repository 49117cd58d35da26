package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * A platform whose database is down, over real HTTPS (a local stub of the device port): it answers the batch 503 with
 * {@code Retry-After: 1} twice, then 200. The agent keeps the batch, waits at least what the platform asked for, sends
 * the same signed bytes again, and acknowledges its values only after the 200.
 */
class PlatformOutageTest {

    @TempDir
    Path dir;

    @Test
    void the_batch_waits_out_the_outage_as_the_platform_asks_and_lands_once_afterwards() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        String busy = "{\"status\":503,\"error\":\"the database is unavailable, retry in 1 s\","
                + "\"fields\":{\"reason\":\"DATABASE_UNAVAILABLE\"}}";
        try (FakeEstServer platform = FakeEstServer.https();
             ValueStore store = ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            platform.answer("/api/device/whoami", 200, "{\"householdId\":7}");
            List<byte[]> batches = platform.answerInTurn("/api/device/batches", List.of(
                    new FakeEstServer.Reply(503, busy, "1"), new FakeEstServer.Reply(503, busy, "1"),
                    new FakeEstServer.Reply(200, "{\"accepted\":8,\"repeated\":false}", null)));
            UploaderTest.fill(store, 0, 4);
            PemCredentials.writeChain(dir.resolve("root.pem"), List.of(platform.rootCertificate()));
            UploadSettings settings = new UploadSettings(platform.url(), platform.url(), FakeEstServer.TENANT, "EDEF0012345678",
                    "7KQ2-M9XD-HA3T-0VRC", dir.resolve("root.pem"), dir.resolve("credentials"), Duration.ZERO, Duration.ZERO,
                    Optional.empty(), false, Optional.empty());
            // no wait of its own: every wait below is the platform's Retry-After
            Uploader.Pacing pacing = new Uploader.Pacing(1_000, Duration.ZERO, Duration.ofSeconds(10), 5);
            UploadService agent = new UploadService(settings, PendingValues.of(store), null, pacing, Clock.systemUTC(), events::add);

            long started = System.nanoTime();
            Uploader.Run run = agent.uploadNow();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(run.complete()).as(String.join("\n", events)).isTrue();
            assertThat(run.sent()).isEqualTo(8);
            assertThat(batches).hasSize(3).allSatisfy(b -> assertThat(b).isEqualTo(batches.get(0)));
            assertThat(events).filteredOn(e -> e.startsWith("upload attempt")).hasSize(2)
                    .allMatch(e -> e.contains("503") && e.contains("DATABASE_UNAVAILABLE"));
            assertThat(took).as("two waits of at least the platform's 1 s").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(store.readUnacknowledged(100)).isEmpty();
        }
    }
}
