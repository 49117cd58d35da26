package org.smgwlite.pki.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EnrollmentCodesTest {

    private static final byte[] PEPPER = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    private final EnrollmentCodes codes = new EnrollmentCodes(PEPPER, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void codesAreGroupedTypableAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = codes.generate(Duration.ofDays(7)).code().value();
            assertThat(value).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
            seen.add(value);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void storedHashIsSaltedAndNeverContainsTheCode() {
        NewEnrollmentCode fresh = codes.generate(Duration.ofDays(7));
        String again = codes.hash(fresh.code());

        assertThat(fresh.stored().hash()).startsWith("v1$").doesNotContain(fresh.code().value())
                .isNotEqualTo(again);
        assertThat(codes.matches(fresh.code(), again)).isTrue();
        assertThat(fresh.code().toString()).doesNotContain(fresh.code().value().substring(0, 4));
        assertThat(fresh.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void typingIsForgiving() {
        NewEnrollmentCode fresh = codes.generate(Duration.ofDays(7));
        String typed = fresh.code().value().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        codes.verify(typed, fresh.stored());
    }

    @Test
    void wrongCodeOrOtherPepperDoesNotMatch() {
        NewEnrollmentCode fresh = codes.generate(Duration.ofDays(7));
        NewEnrollmentCode other = codes.generate(Duration.ofDays(7));
        EnrollmentCodes otherPepper = new EnrollmentCodes("fedcba9876543210fedcba9876543210".getBytes());

        assertRejected(() -> codes.verify(other.code().value(), fresh.stored()), EnrollmentCodeRejectedException.Reason.WRONG_CODE);
        assertThat(otherPepper.matches(fresh.code(), fresh.stored().hash())).isFalse();
    }

    @Test
    void expiredUsedAndMalformedCodesAreRefused() {
        NewEnrollmentCode fresh = codes.generate(Duration.ofHours(1));
        EnrollmentCodes later = new EnrollmentCodes(PEPPER, Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        StoredEnrollmentCode used = new StoredEnrollmentCode(fresh.stored().hash(), fresh.expiresAt(), Optional.of(T0));

        assertRejected(() -> later.verify(fresh.code().value(), fresh.stored()), EnrollmentCodeRejectedException.Reason.EXPIRED);
        assertRejected(() -> codes.verify(fresh.code().value(), used), EnrollmentCodeRejectedException.Reason.ALREADY_USED);
        assertRejected(() -> codes.verify("ABC", fresh.stored()), EnrollmentCodeRejectedException.Reason.MALFORMED);
        assertRejected(() -> codes.verify("UUUU-UUUU-UUUU-UUUU", fresh.stored()), EnrollmentCodeRejectedException.Reason.MALFORMED);
    }

    @Test
    void shortPepperIsRefused() {
        assertThatThrownBy(() -> new EnrollmentCodes(new byte[16])).hasMessageContaining("32 bytes");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                       EnrollmentCodeRejectedException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EnrollmentCodeRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
