package org.smgwlite.agent.upload;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The waits between attempts to reach the platform: {@code first}, doubled after each attempt up to {@code max};
 * never shorter than a {@code Retry-After} the platform sent (a platform whose database is down says when to come
 * back), except that no wait exceeds {@code max}; plus up to a fifth of it at random, so that a fleet turned away at
 * the same second does not come back at the same second. Jitter only lengthens a wait.
 */
final class Backoff {

    /** Jitter: up to this fraction of the wait on top. */
    static final double JITTER = 0.2;

    private final Duration max;
    private final RandomGenerator random;
    private Duration next;

    Backoff(Duration first, Duration max, RandomGenerator random) {
        this.max = max;
        this.random = random;
        this.next = first;
    }

    /** The wait before the next attempt; {@code retryAfter} is what the last answer asked for, if anything. */
    Duration next(Optional<Duration> retryAfter) {
        Duration base = retryAfter.filter(r -> r.compareTo(next) > 0).orElse(next);
        if (base.compareTo(max) > 0) {
            base = max;
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        long jitterMillis = (long) (base.toMillis() * JITTER * random.nextDouble());
        return base.plusMillis(jitterMillis);
    }
}
