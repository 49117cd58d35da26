package org.smgwlite.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.enrollment.StoredEnrollmentCode;

class EnrollmentCodeRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static EnrollmentCodeRecord code() {
        return new EnrollmentCodeRecord(1, new StoredEnrollmentCode("hash", NOW.plus(Duration.ofDays(7)), Optional.empty()), NOW);
    }

    @Test
    void an_open_code_is_voided_once_and_keeps_the_first_time() {
        EnrollmentCodeRecord c = code();

        assertThat(c.voidIfOpen(NOW)).isTrue();
        assertThat(c.voidIfOpen(NOW.plusSeconds(60))).isFalse();
        assertThat(c.voidedAt()).contains(NOW);
    }
}
