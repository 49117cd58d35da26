package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * The status report after an upload run, against a local platform: it goes over the uploads' TLS after the run, and a
 * platform that refuses it (or a status that cannot be made) changes nothing about the run.
 */
class StatusReportTest {

    private static final String STATUS = "/api/device/status";

    @TempDir
    Path dir;

    private final List<String> events = new CopyOnWriteArrayList<>();

    private UploadService service(FakeEstServer platform, Supplier<String> status) throws Exception {
        PemCredentials.writeChain(dir.resolve("root.pem"), List.of(platform.rootCertificate()));
        UploadSettings settings = new UploadSettings(platform.url(), platform.url(), FakeEstServer.TENANT, "EDEF0012345678",
                "7KQ2-M9XD-HA3T-0VRC", dir.resolve("root.pem"), dir.resolve("credentials"), Duration.ZERO, Duration.ZERO,
                Optional.empty(), false, Optional.empty());
        PendingValues nothing = new PendingValues() {
            @Override
            public List<TafValue> readUnacknowledged(int max) {
                return List.of();
            }

            @Override
            public void acknowledge(long upToSeq) {
                throw new AssertionError("nothing was sent");
            }
        };
        return new UploadService(settings, nothing, null, Uploader.Pacing.DAILY, Clock.systemUTC(), status, events::add);
    }

    @Test
    void after_a_run_the_status_goes_to_the_device_port() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https()) {
            platform.answer("/api/device/whoami", 200, "{\"householdId\":7}");
            platform.answer(STATUS, 204, "");

            service(platform, () -> "{\"agentVersion\":\"0.1.0\"}").uploadNow();

            assertThat(platform.received).containsEntry(STATUS, "{\"agentVersion\":\"0.1.0\"}");
            assertThat(events).noneMatch(e -> e.startsWith("status report failed"));
        }
    }

    @Test
    void a_refused_or_failing_status_report_is_noted_and_the_run_ends_as_it_would_without() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https()) {
            platform.answer("/api/device/whoami", 200, "{\"householdId\":7}");
            platform.answer(STATUS, 500, "{\"message\":\"down\"}");

            Uploader.Run run = service(platform, () -> "{}").uploadNow();

            assertThat(run.sent()).isZero();
            assertThat(run.complete()).isTrue();
            assertThat(events).anyMatch(e -> e.startsWith("status report failed") && e.contains("500"));
        }
    }

    @Test
    void a_status_that_cannot_be_made_is_noted_and_not_thrown() {
        new StatusReporter(() -> {
            throw new IllegalStateException("no view yet");
        }, json -> {
            throw new AssertionError("nothing to send");
        }, events::add).report();

        assertThat(events).containsExactly("status report failed: no view yet");
    }

    @Test
    void a_run_that_fails_keeps_its_own_error_and_still_reports() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https()) {
            platform.answer("/api/device/whoami", 503, "maintenance");
            platform.answer(STATUS, 204, "");
            UploadService service = service(platform, () -> "{\"agentVersion\":\"0.1.0\"}");

            assertThatThrownBy(service::uploadNow)
                    .isInstanceOf(IOException.class).hasMessageContaining("whoami answered 503");
            assertThat(platform.received).containsKey(STATUS);
        }
    }
}
