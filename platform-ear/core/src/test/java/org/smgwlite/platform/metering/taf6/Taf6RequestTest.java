package org.smgwlite.platform.metering.taf6;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ways a TAF 6 request may go, and the ones it may not. */
class Taf6RequestTest {

    private static final Instant ASKED = Instant.parse("2026-11-25T10:00:00Z");

    private static Taf6Request queued() {
        return new Taf6Request("EDEF0000000001", 7, "Zählerwechsel", "operator:operator", ASKED);
    }

    @Test
    void queued_is_picked_up_once_then_answered_once() {
        Taf6Request r = queued();
        assertThat(r.status()).isEqualTo(Taf6Status.QUEUED);

        assertThat(r.pickUp(ASKED.plusSeconds(2))).isTrue();
        assertThat(r.pickUp(ASKED.plusSeconds(30))).as("delivered again: the first pick-up time stays").isFalse();
        assertThat(r.pickedUpAt()).contains(ASKED.plusSeconds(2));
        assertThat(r.status()).isEqualTo(Taf6Status.DELIVERED);

        assertThat(r.answer(ASKED.plusSeconds(5))).isTrue();
        assertThat(r.answer(ASKED.plusSeconds(60))).as("a repeated answer changes nothing").isFalse();
        assertThat(r.status()).isEqualTo(Taf6Status.ANSWERED);
        assertThat(r.answeredAt()).contains(ASKED.plusSeconds(5));
        assertThat(r.expireIfOlderThan(ASKED.plus(Duration.ofHours(1)))).as("an answered request never expires").isFalse();
    }

    @Test
    void an_open_request_expires_after_the_deadline_and_a_late_answer_still_counts_with_a_note() {
        Taf6Request r = queued();
        assertThat(r.expireIfOlderThan(ASKED)).as("not older than the deadline").isFalse();
        assertThat(r.expireIfOlderThan(ASKED.plusSeconds(1))).isTrue();
        assertThat(r.status()).isEqualTo(Taf6Status.EXPIRED);
        assertThat(r.pickUp(ASKED.plusSeconds(2))).as("an expired request is not handed out").isFalse();

        assertThat(r.acceptsAnswer()).isTrue();
        assertThat(r.answer(ASKED.plus(Duration.ofMinutes(20)))).isTrue();
        assertThat(r.status()).isEqualTo(Taf6Status.ANSWERED);
        assertThat(r.statusReason()).contains("answered after it had expired");
    }

    @Test
    void a_failed_request_takes_no_answer_and_does_not_fail_twice() {
        Taf6Request r = queued();
        r.pickUp(ASKED.plusSeconds(1));
        assertThat(r.fail("no meter reading received since start", ASKED.plusSeconds(2))).isTrue();
        assertThat(r.fail("again", ASKED.plusSeconds(3))).isFalse();
        assertThat(r.statusReason()).contains("no meter reading received since start");
        assertThat(r.acceptsAnswer()).isFalse();
        assertThat(r.answer(ASKED.plusSeconds(4))).isFalse();
        assertThat(r.status()).isEqualTo(Taf6Status.FAILED);
    }
}
