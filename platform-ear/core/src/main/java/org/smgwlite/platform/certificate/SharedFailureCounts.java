package org.smgwlite.platform.certificate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Failure counts that every node of a deployment group sees ({@code attempt_failure}, V25), beside each node's own
 * memory ({@link FailureLimiter}). A count is a fixed window that opens with a key's first failure and ends
 * {@code window} later; within it the failures of all nodes add up. Times are the calling node's clock.
 *
 * <p>A database that cannot be reached is an exception that says so (its cause an {@link java.sql.SQLException}, which
 * {@link org.smgwlite.platform.infra.DatabaseUnavailable} recognises), never an empty answer: a count that cannot be
 * read must not let an attempt through, nor refuse it for a reason that is not true.
 */
public interface SharedFailureCounts {

    /** What is counted ({@code enrollment-gateway}, {@code legacy-address}, ...) and for whom (an id, an address). */
    record Key(String scope, String key) {
    }

    /** The failures of a window still open at the time asked, and when it ends. */
    record Count(int failures, Instant windowEnd) {
    }

    /** One node alone: nothing is shared, the node's memory is the whole count. */
    SharedFailureCounts NONE = new SharedFailureCounts() {
        @Override
        public Map<Key, Count> read(List<Key> keys, Instant now) {
            return Map.of();
        }

        @Override
        public Map<Key, Count> record(List<Key> keys, Instant now, Duration window) {
            return Map.of();
        }

        @Override
        public void forget(Key key) {
        }
    };

    /** The counts of those {@code keys} whose window is open at {@code now}; a key without one is missing. */
    Map<Key, Count> read(List<Key> keys, Instant now);

    /**
     * One more failure for each of {@code keys} (distinct); a key without an open window starts one at {@code now},
     * ending {@code window} later. Returns each key's count after this failure.
     */
    Map<Key, Count> record(List<Key> keys, Instant now, Duration window);

    /** Forgets {@code key}'s failures (it proved itself). */
    void forget(Key key);
}
