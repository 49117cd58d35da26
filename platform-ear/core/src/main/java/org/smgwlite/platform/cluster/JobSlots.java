package org.smgwlite.platform.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Slots come from what a run is for, never from when a node's timer happened to fire: a daily job's slot is the start of
 * its day, the month run's the start of its month, in the zone the job reckons in. A node whose timer fires late, or
 * whose clock is off, still names the same slot and finds it claimed.
 */
public final class JobSlots {

    private JobSlots() {
    }

    /** The start of {@code day} in {@code zone}. */
    public static Instant day(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * The start of the period of length {@code every} that {@code now} falls in, counted from the epoch: for a job that
     * runs every quarter hour, the quarter hour. A timer that fires late stays in its period.
     */
    public static Instant every(Duration every, Instant now) {
        long millis = every.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("a period must be positive, is " + every);
        }
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
    }

    /** The start of {@code month} in {@code zone}. */
    public static Instant month(YearMonth month, ZoneId zone) {
        return day(month.atDay(1), zone);
    }
}
