package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant ISSUED = NOW.minus(Duration.ofDays(300));

    private static CertificateStatus endingIn(Duration left) {
        return CertificateStatus.of(Optional.empty(), ISSUED, NOW.plus(left), NOW);
    }

    @Test
    void a_certificate_is_due_for_renewal_from_thirty_days_before_its_end_and_expired_at_it() {
        assertThat(endingIn(Duration.ofDays(31))).isEqualTo(CertificateStatus.VALID);
        assertThat(endingIn(Duration.ofDays(30))).isEqualTo(CertificateStatus.EXPIRING);
        assertThat(endingIn(Duration.ofSeconds(1))).isEqualTo(CertificateStatus.EXPIRING);
        assertThat(endingIn(Duration.ZERO)).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(endingIn(Duration.ofDays(-3))).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(endingIn(Duration.ofDays(5)).needsAction()).isTrue();
        assertThat(endingIn(Duration.ofDays(90)).needsAction()).isFalse();
    }

    @Test
    void revoked_wins_over_any_validity_and_a_future_start_is_not_yet_valid() {
        assertThat(CertificateStatus.of(Optional.of(NOW.minusSeconds(5)), ISSUED, NOW.minusSeconds(1), NOW))
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(CertificateStatus.of(Optional.empty(), NOW.plusSeconds(60), NOW.plus(Duration.ofDays(365)), NOW))
                .isEqualTo(CertificateStatus.NOT_YET_VALID);
        assertThat(CertificateStatus.REVOKED.needsAction()).isFalse();
    }
}
