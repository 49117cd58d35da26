package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;

class LegacyAttemptsTest {

    private static final TenantId T = TenantId.of("acme");

    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-10-25T00:30:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_device_id_is_blocked_after_its_failures_until_the_window_closes_and_a_success_clears_it() {
        Ticking clock = new Ticking();
        LegacyAttempts attempts = new LegacyAttempts(clock, 3, 100, Duration.ofMinutes(15));
        attempts.failed(T, "AB4", "10.0.0.1");
        attempts.failed(T, "AB4", "10.0.0.1");
        attempts.succeeded(T, "AB4");
        attempts.failed(T, "AB4", "10.0.0.1");
        attempts.failed(T, "AB4", "10.0.0.1");
        attempts.check(T, "AB4", "10.0.0.1"); // two since the success
        attempts.failed(T, "AB4", "10.0.0.1");

        assertThatThrownBy(() -> attempts.check(T, "AB4", "10.0.0.2")).isInstanceOf(LegacyThrottledException.class)
                .satisfies(e -> assertThat(((LegacyThrottledException) e).retryAfterSeconds()).isEqualTo(900));
        attempts.check(TenantId.of("other"), "AB4", "10.0.0.2"); // the same id in another tenant is another device
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        attempts.check(T, "AB4", "10.0.0.1");
    }

    @Test
    void an_address_is_blocked_after_its_failures_over_any_device_ids() {
        LegacyAttempts attempts = new LegacyAttempts(new Ticking(), 10, 2, Duration.ofMinutes(15));
        attempts.failed(T, "A1", "10.0.0.9");
        attempts.failed(T, "A2", "10.0.0.9");

        assertThatThrownBy(() -> attempts.check(T, "A3", "10.0.0.9")).isInstanceOf(LegacyThrottledException.class);
        attempts.check(T, "A3", "10.0.0.8");
    }
}
