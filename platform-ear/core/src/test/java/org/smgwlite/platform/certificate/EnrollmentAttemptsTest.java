package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;

class EnrollmentAttemptsTest {

    private static final TenantId T = new TenantId("stadtwerke-a");
    private final FailureLimiterTest.Hands clock = new FailureLimiterTest.Hands();
    private final EnrollmentAttempts attempts = new EnrollmentAttempts(clock, 5, 20, Duration.ofMinutes(15));

    @Test
    void five_failures_for_one_gateway_id_throttle_it_with_a_retry_time_from_any_address() {
        for (int i = 0; i < 5; i++) {
            attempts.check(T, "GW1", "10.0.0." + i);
            attempts.failed(T, "GW1", "10.0.0." + i);
        }
        assertThatThrownBy(() -> attempts.check(T, "GW1", "10.0.0.99"))
                .isInstanceOfSatisfying(EnrollmentThrottledException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(900);
                    assertThat(e.getMessage()).contains("gateway GW1").contains("900 s");
                });
        assertThatCode(() -> attempts.check(T, "GW2", "10.0.0.99")).doesNotThrowAnyException();
        assertThatCode(() -> attempts.check(new TenantId("stadtwerke-b"), "GW1", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void twenty_failures_from_one_address_throttle_it_for_every_gateway_id() {
        for (int i = 0; i < 20; i++) {
            attempts.failed(T, "GW" + i, "192.0.2.7");
        }
        assertThatThrownBy(() -> attempts.check(T, "NEWGW", "192.0.2.7"))
                .isInstanceOf(EnrollmentThrottledException.class).hasMessageContaining("this address");
        assertThatCode(() -> attempts.check(T, "NEWGW", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void unknown_tenants_count_against_the_address() {
        for (int i = 0; i < 20; i++) {
            attempts.unknownTenant(new TenantId("nosuch-" + i), "192.0.2.9");
        }
        assertThatThrownBy(() -> attempts.check(T, "GW1", "192.0.2.9")).isInstanceOf(EnrollmentThrottledException.class);
    }

    @Test
    void a_success_clears_the_gateway_id_but_not_the_address() {
        for (int i = 0; i < 4; i++) {
            attempts.failed(T, "GW1", "192.0.2.1");
        }
        attempts.succeeded(T, "GW1");
        for (int i = 0; i < 4; i++) {
            attempts.failed(T, "GW1", "192.0.2.1");
        }
        assertThatCode(() -> attempts.check(T, "GW1", "192.0.2.2")).doesNotThrowAnyException();
        for (int i = 0; i < 12; i++) {
            attempts.failed(T, "GW9", "192.0.2.1");
        }
        assertThatThrownBy(() -> attempts.check(T, "GW8", "192.0.2.1")).hasMessageContaining("this address");
    }

    @Test
    void unknown_tenant_refusals_are_logged_at_powers_of_two_only() {
        assertThat(java.util.stream.LongStream.rangeClosed(1, 1000).filter(EnrollmentAttempts::worthLogging).boxed().toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L);
    }
}
