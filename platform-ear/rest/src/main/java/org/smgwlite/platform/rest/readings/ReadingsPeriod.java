package org.smgwlite.platform.rest.readings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The days a readings request asks for: {@code from} and {@code to} are local dates (Europe/Berlin) and both
 * inclusive, as people write ranges ({@code from=2026-01-01&to=2026-12-31} is the year 2026). At most
 * {@value CurveRange#MAX_DAYS} days, none after today; today itself may be asked for, its quarter hours not due yet
 * are pending (left out of MSCONS).
 */
public final class ReadingsPeriod {

    private ReadingsPeriod() {
    }

    /** @throws InvalidInputException naming {@code from} or {@code to} */
    public static CurveRange parse(String from, String to, LocalDate today) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "must not be before from (" + first + "), was " + last);
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > CurveRange.MAX_DAYS) {
            throw new InvalidInputException("to", "the range may cover at most " + CurveRange.MAX_DAYS + " days, "
                    + first + " to " + last + " covers " + days);
        }
        if (last.isAfter(today)) {
            throw new InvalidInputException(first.isAfter(today) ? "from" : "to",
                    "must not be in the future (today is " + today + "), was " + (first.isAfter(today) ? first : last));
        }
        return new CurveRange(first, last.plusDays(1), CurveRange.BERLIN);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required, a local date like 2026-11-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a local date like 2026-11-01, was '" + value + "'");
        }
    }
}
