package org.smgwlite.platform.cluster;

import java.time.Instant;
import java.util.Optional;

/** One claimed slot of a job, for the operators' list: who ran it, when, how it ended. */
public record JobRunView(String job, Instant slot, String node, int attempt, Optional<String> takenFrom, Instant claimedAt,
                         Instant leaseUntil, Optional<Instant> finishedAt, JobState state, Optional<String> detail) {
}
