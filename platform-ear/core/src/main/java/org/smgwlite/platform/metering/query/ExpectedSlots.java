package org.smgwlite.platform.metering.query;

import java.time.Instant;
import java.util.Optional;

/**
 * Which quarter hours of a range are due to have a value: those that end at or before {@code until}. An interval that
 * ends after now cannot have a value yet, and in the current period readings arrive day-after (TAF 7), so one that ends
 * after the household's newest reading is not due either. Only due intervals count as missing; the others are pending.
 *
 * <p>Consequence, on purpose: a gateway that fell silent shows as missing values in every past period, but not in the
 * current one; its silence is what its newest reading (shown with the curve) tells.
 */
public record ExpectedSlots(Instant until) {

    /** Every interval is due (a caller that asks for the record as it is, e.g. the benchmark). */
    public static final ExpectedSlots ALL = new ExpectedSlots(Instant.MAX);

    public ExpectedSlots {
        if (until == null) {
            throw new IllegalArgumentException("until is required");
        }
    }

    /**
     * The due intervals of {@code range} at {@code now}: up to now, and in the period that contains now (the current
     * one) only up to the newest stored reading, if there is one.
     */
    public static ExpectedSlots of(CurveRange range, Instant now, Optional<Instant> newestReading) {
        Instant until = range.contains(now) ? newestReading.filter(now::isAfter).orElse(now) : now;
        return new ExpectedSlots(until);
    }

    /** Whether the interval that starts at {@code intervalStart} is due. */
    public boolean due(Instant intervalStart) {
        return !intervalStart.isAfter(until.minus(CurveRange.SLOT));
    }

    /**
     * How many of the first {@code size} intervals of a grid starting at {@code startEpochSecond} are due: they are
     * always a prefix, since an interval is due once its end has passed {@code until}.
     */
    public int dueCount(long startEpochSecond, int size) {
        long due = Math.floorDiv(until.getEpochSecond() - startEpochSecond, CurveRange.SLOT.getSeconds());
        return (int) Math.max(0, Math.min(size, due));
    }
}
