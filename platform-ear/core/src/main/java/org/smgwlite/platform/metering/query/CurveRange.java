package org.smgwlite.platform.metering.query;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Whole local days {@code [first, endExclusive)} in the household's display zone, from one day
 * to a year. Storage is UTC; the zone only decides where days and months begin, so a DST day has
 * 92 or 100 quarter hours.
 */
public record CurveRange(LocalDate first, LocalDate endExclusive, ZoneId zone) {

    /** The display zone of every household for now. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final Duration SLOT = Duration.ofMinutes(15);
    public static final int MAX_DAYS = 366;

    /** How much a range picker shows around a chosen date. */
    public enum Span { DAY, WEEK, MONTH, YEAR }

    public CurveRange {
        if (first == null || endExclusive == null || zone == null) {
            throw new InvalidInputException("range", "first day, end and zone are required");
        }
        long days = ChronoUnit.DAYS.between(first, endExclusive);
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("range", "must cover 1 to " + MAX_DAYS + " days, was " + days);
        }
    }

    /** The day, ISO week (Monday first), calendar month or calendar year containing {@code date}. */
    public static CurveRange around(LocalDate date, Span span, ZoneId zone) {
        return switch (span) {
            case DAY -> new CurveRange(date, date.plusDays(1), zone);
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new CurveRange(monday, monday.plusWeeks(1), zone);
            }
            case MONTH -> new CurveRange(date.withDayOfMonth(1), date.withDayOfMonth(1).plusMonths(1), zone);
            case YEAR -> new CurveRange(date.withDayOfYear(1), date.withDayOfYear(1).plusYears(1), zone);
        };
    }

    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return endExclusive.atStartOfDay(zone).toInstant();
    }

    /** Whether {@code instant} lies in the range; the range holding now is the current period. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from()) && instant.isBefore(to());
    }

    /** Quarter hours in the range (35,040 for a common year). */
    public int slotCount() {
        return (int) (Duration.between(from(), to()).getSeconds() / SLOT.getSeconds());
    }

    /** The range cut at month boundaries, for work done piece by piece (the CSV export). */
    public List<CurveRange> byMonth() {
        List<CurveRange> parts = new ArrayList<>();
        LocalDate start = first;
        while (start.isBefore(endExclusive)) {
            LocalDate next = start.withDayOfMonth(1).plusMonths(1);
            LocalDate end = next.isBefore(endExclusive) ? next : endExclusive;
            parts.add(new CurveRange(start, end, zone));
            start = end;
        }
        return parts;
    }
}
