package org.smgwlite.platform.metering.substitute;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The local days (Europe/Berlin) a run looks at for gaps to fill: a gap belongs to the day of its first missing
 * quarter hour. On demand at most a year ({@value #MAX_DAYS} days), nothing in the future.
 */
public record SubstituteRange(LocalDate from, LocalDate toExclusive) {

    public static final int MAX_DAYS = 366;
    /** A run reads its range in pieces of this many days (plus the profile's weeks before and a margin after). */
    static final int CHUNK_DAYS = 180;

    /** The range an operator asked for, checked against {@code today}; the field named in the error is the bad one. */
    public static SubstituteRange of(LocalDate from, LocalDate toExclusive, LocalDate today) {
        if (from == null) {
            throw new InvalidInputException("from", "is required (a date like 2026-11-01)");
        }
        if (toExclusive == null) {
            throw new InvalidInputException("to", "is required (a date like 2026-12-01, exclusive)");
        }
        if (from.isAfter(today)) {
            throw new InvalidInputException("from", "must not be in the future, was " + from);
        }
        if (toExclusive.isAfter(today.plusDays(1))) {
            throw new InvalidInputException("to", "must not be after " + today.plusDays(1) + " (exclusive), was " + toExclusive);
        }
        if (!toExclusive.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from (" + from + "), was " + toExclusive);
        }
        if (ChronoUnit.DAYS.between(from, toExclusive) > MAX_DAYS) {
            throw new InvalidInputException("to", "the range may span at most " + MAX_DAYS + " days, was "
                    + ChronoUnit.DAYS.between(from, toExclusive));
        }
        return new SubstituteRange(from, toExclusive);
    }

    /** The day-after run's range: the {@code days} local days before {@code today}. */
    public static SubstituteRange dayAfter(LocalDate today, int days) {
        return new SubstituteRange(today.minusDays(days), today);
    }

    /** The range in consecutive pieces of at most {@value #CHUNK_DAYS} days. */
    List<SubstituteRange> chunks() {
        List<SubstituteRange> chunks = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(CHUNK_DAYS)) {
            LocalDate end = d.plusDays(CHUNK_DAYS);
            chunks.add(new SubstituteRange(d, end.isAfter(toExclusive) ? toExclusive : end));
        }
        return chunks;
    }
}
