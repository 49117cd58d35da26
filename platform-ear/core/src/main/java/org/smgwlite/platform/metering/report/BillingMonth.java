package org.smgwlite.platform.metering.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * A billing month in Europe/Berlin: from 00:00 local on the 1st to 00:00 local on the next 1st (TAF 1's boundaries).
 * Its quarter hours are the intervals starting in that range: 2,972 with the spring switch (one hour less), 2,980 with
 * the autumn switch (one more), days x 96 otherwise.
 */
public record BillingMonth(YearMonth month) {

    public BillingMonth {
        if (month == null) {
            throw new InvalidInputException("month", "is required (YYYY-MM)");
        }
    }

    public static BillingMonth of(int year, int month) {
        return new BillingMonth(YearMonth.of(year, month));
    }

    /**
     * {@code text} as YYYY-MM.
     *
     * @throws InvalidInputException on field {@code month} when it is not a month
     */
    public static BillingMonth parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("month", "is required (YYYY-MM)");
        }
        try {
            return new BillingMonth(YearMonth.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "'" + text + "' is not a month (YYYY-MM)");
        }
    }

    /**
     * This month, refused when it has not begun at {@code now}: a report of a future month would only show gaps.
     *
     * @throws InvalidInputException on field {@code month}
     */
    public BillingMonth requireBegun(Instant now) {
        if (!start().isBefore(now)) {
            throw new InvalidInputException("month", month + " is in the future");
        }
        return this;
    }

    public LocalDate first() {
        return month.atDay(1);
    }

    /** 00:00 Europe/Berlin on the 1st: the opening billing boundary. */
    public Instant start() {
        return first().atStartOfDay(CurveRange.BERLIN).toInstant();
    }

    /** 00:00 Europe/Berlin on the next month's 1st: the closing billing boundary. */
    public Instant end() {
        return first().plusMonths(1).atStartOfDay(CurveRange.BERLIN).toInstant();
    }

    public int quarterHours() {
        return range().slotCount();
    }

    public CurveRange range() {
        return new CurveRange(first(), first().plusMonths(1), CurveRange.BERLIN);
    }

    public BillingMonth previous() {
        return new BillingMonth(month.minusMonths(1));
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
