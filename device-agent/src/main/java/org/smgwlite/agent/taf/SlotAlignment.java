package org.smgwlite.agent.taf;

import java.time.Duration;
import java.time.Instant;

/**
 * TAF 7 slot boundaries: the UTC instants that are whole multiples of the period since the epoch (so 900 s gives
 * the quarter hours :00, :15, :30, :45 of every UTC hour), and the tolerance of 1% of the period within which a
 * telegram belongs to a boundary.
 *
 * <p>Invariant: the period divides a day, so every UTC midnight is a boundary and a day has a whole number of slots.
 */
public record SlotAlignment(Duration period) {

    public static final SlotAlignment QUARTER_HOUR = new SlotAlignment(Duration.ofSeconds(900));

    public SlotAlignment {
        long s = period.getSeconds();
        if (period.getNano() != 0 || s < 60 || s > 3600 || 86_400 % s != 0) {
            throw new IllegalArgumentException("TAF 7 period must be 60..3600 s and divide a day, was " + period);
        }
    }

    public static SlotAlignment ofSeconds(long seconds) {
        return new SlotAlignment(Duration.ofSeconds(seconds));
    }

    /** 1% of the period, in milliseconds (9000 for 900 s). */
    public long toleranceMillis() {
        return period.toMillis() / 100;
    }

    /** The first boundary at or after {@code t}. */
    public Instant ceil(Instant t) {
        long p = period.toMillis();
        long ms = t.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms + p - 1, p) * p);
    }

    /** The last boundary at or before {@code t}. */
    public Instant floor(Instant t) {
        long p = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), p) * p);
    }

    public boolean isBoundary(Instant t) {
        return t.toEpochMilli() % period.toMillis() == 0 && t.getNano() % 1_000_000 == 0;
    }

    /** Distance of {@code t} from boundary {@code b} in milliseconds (absolute). */
    public static long distanceMillis(Instant t, Instant b) {
        return Math.abs(t.toEpochMilli() - b.toEpochMilli());
    }

    public boolean withinTolerance(Instant t, Instant boundary) {
        return distanceMillis(t, boundary) <= toleranceMillis();
    }

    public int slotsPerDay() {
        return (int) (86_400 / period.getSeconds());
    }
}
