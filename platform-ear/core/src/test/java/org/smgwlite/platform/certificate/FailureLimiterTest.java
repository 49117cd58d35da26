package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final Hands clock = new Hands();
    private final FailureLimiter limiter = new FailureLimiter(clock, 5, WINDOW, 100);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            limiter.failed(key);
        }
    }

    @Test
    void the_fifth_failure_blocks_until_the_window_that_the_first_one_opened_closes() {
        fail("gw1", 4);
        assertThat(limiter.blockedFor("gw1")).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        limiter.failed("gw1");
        assertThat(limiter.blockedFor("gw1")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10).minusMillis(1500));
        assertThat(limiter.blockedFor("gw1")).as("rounded up to whole seconds").contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(1500));
        assertThat(limiter.blockedFor("gw1")).as("window closed").isEmpty();
        fail("gw1", 4);
        assertThat(limiter.blockedFor("gw1")).as("a new window counts from zero").isEmpty();
    }

    @Test
    void failures_spread_over_more_than_a_window_never_block() {
        for (int i = 0; i < 20; i++) {
            fail("gw1", 2);
            clock.advance(WINDOW);
        }
        assertThat(limiter.blockedFor("gw1")).isEmpty();
    }

    @Test
    void the_group_count_a_node_adopts_blocks_it_until_the_group_window_ends_and_replaces_its_own() {
        limiter.adopt("gw1", 5, clock.now.plus(Duration.ofMinutes(4)));
        assertThat(limiter.blockedFor("gw1")).as("blocked by the other nodes' failures").contains(Duration.ofMinutes(4));

        fail("gw2", 4);
        limiter.adopt("gw2", 1, clock.now.plus(WINDOW));
        limiter.failed("gw2");
        assertThat(limiter.blockedFor("gw2")).as("the group counted 1 (a success elsewhere), then this node 1 more").isEmpty();

        limiter.adopt("gw3", 5, clock.now);
        assertThat(limiter.blockedFor("gw3")).as("a window that has ended is not adopted").isEmpty();
    }

    @Test
    void a_success_tells_whether_the_key_had_failures_in_an_open_window() {
        assertThat(limiter.succeeded("gw1")).isFalse();
        limiter.failed("gw1");
        assertThat(limiter.succeeded("gw1")).isTrue();
        assertThat(limiter.succeeded("gw1")).isFalse();
        limiter.failed("gw1");
        clock.advance(WINDOW);
        assertThat(limiter.succeeded("gw1")).as("window ended").isFalse();
    }

    @Test
    void a_success_resets_the_key() {
        fail("gw1", 4);
        limiter.succeeded("gw1");
        fail("gw1", 4);
        assertThat(limiter.blockedFor("gw1")).isEmpty();
    }

    @Test
    void keys_count_apart() {
        fail("gw1", 5);
        fail("gw2", 4);
        assertThat(limiter.blockedFor("gw1")).isPresent();
        assertThat(limiter.blockedFor("gw2")).isEmpty();
        assertThat(limiter.blockedFor("gw3")).isEmpty();
    }

    @Test
    void a_flood_of_made_up_keys_keeps_memory_bounded_and_expired_keys_go_first() {
        fail("early", 5);
        clock.advance(Duration.ofMinutes(1));
        fail("blocked", 5);
        clock.advance(WINDOW.minusSeconds(30)); // "early" has expired, "blocked" has not
        for (int i = 0; i < 98; i++) {
            limiter.failed("random-" + i);
        }
        assertThat(limiter.size()).isEqualTo(100);
        limiter.failed("one-more");
        assertThat(limiter.size()).as("the expired key made room").isEqualTo(100);
        assertThat(limiter.blockedFor("blocked")).isPresent();

        for (int i = 0; i < 100_000; i++) {
            limiter.failed("flood-" + i);
        }
        assertThat(limiter.size()).isEqualTo(100);
        assertThat(limiter.blockedFor("flood-99999")).isEmpty();
        assertThat(Optional.of(limiter.size())).contains(100);
    }
}
