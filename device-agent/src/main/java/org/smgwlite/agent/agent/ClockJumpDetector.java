package org.smgwlite.agent.agent;

import java.time.Instant;

/**
 * Detects the wall clock moving against the monotonic clock (an NTP step, a manual set, a suspended device):
 * between two samples the wall clock should advance by the monotonic elapsed time.
 */
public final class ClockJumpDetector {

    private final long thresholdMillis;
    private Instant lastWall;
    private long lastMonoNanos;

    public ClockJumpDetector(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
    }

    /**
     * @return the jump in milliseconds (positive forward, negative backward), or 0 if within the threshold
     */
    public long sample(Instant wall, long monoNanos) {
        long jump = 0;
        if (lastWall != null) {
            long wallMs = wall.toEpochMilli() - lastWall.toEpochMilli();
            long monoMs = (monoNanos - lastMonoNanos) / 1_000_000;
            long drift = wallMs - monoMs;
            if (Math.abs(drift) > thresholdMillis) {
                jump = drift;
            }
        }
        lastWall = wall;
        lastMonoNanos = monoNanos;
        return jump;
    }
}
