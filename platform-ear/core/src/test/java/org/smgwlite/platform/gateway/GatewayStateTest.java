package org.smgwlite.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayStateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void a_gateway_without_certificate_is_registered_and_one_that_never_uploaded_is_enrolled() {
        assertThat(GatewayState.of(false, 0, 0, Optional.empty(), NOW)).isEqualTo(GatewayState.REGISTERED);
        assertThat(GatewayState.of(false, 2, 2, Optional.empty(), NOW)).isEqualTo(GatewayState.ENROLLED);
    }

    @Test
    void an_upload_within_a_day_is_active_and_older_is_silent() {
        assertThat(GatewayState.of(false, 1, 1, Optional.of(NOW.minus(Duration.ofHours(23))), NOW)).isEqualTo(GatewayState.ACTIVE);
        assertThat(GatewayState.of(false, 1, 1, Optional.of(NOW.minus(Duration.ofDays(1))), NOW)).isEqualTo(GatewayState.ACTIVE);
        assertThat(GatewayState.of(false, 1, 1, Optional.of(NOW.minus(Duration.ofDays(1)).minusSeconds(1)), NOW))
                .isEqualTo(GatewayState.SILENT);
    }

    @Test
    void a_retired_gateway_or_one_with_every_certificate_revoked_is_revoked_whatever_it_uploaded() {
        Optional<Instant> justNow = Optional.of(NOW.minusSeconds(60));
        assertThat(GatewayState.of(false, 2, 0, justNow, NOW)).isEqualTo(GatewayState.REVOKED);
        assertThat(GatewayState.of(true, 0, 0, Optional.empty(), NOW)).isEqualTo(GatewayState.REVOKED);
        assertThat(GatewayState.of(false, 2, 1, justNow, NOW)).isEqualTo(GatewayState.ACTIVE);
    }

    @Test
    void impossible_counts_are_refused() {
        assertThatThrownBy(() -> GatewayState.of(false, 1, 2, Optional.empty(), NOW)).hasMessageContaining("2 of 1");
    }
}
