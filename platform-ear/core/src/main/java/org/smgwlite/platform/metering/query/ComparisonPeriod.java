package org.smgwlite.platform.metering.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period a range is compared with: the same calendar span just before it. Whole calendar months (or years) go
 * back by as many months (or years), so November is compared with October and day 1 with day 1; any other range
 * (a day, a week, a picked stretch) goes back by its own length in days.
 */
public final class ComparisonPeriod {

    private ComparisonPeriod() {
    }

    public static CurveRange before(CurveRange range) {
        LocalDate first = range.first();
        LocalDate end = range.endExclusive();
        if (first.getDayOfMonth() == 1 && end.getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(first, end);
            return new CurveRange(first.minusMonths(months), first, range.zone());
        }
        long days = ChronoUnit.DAYS.between(first, end);
        return new CurveRange(first.minusDays(days), first, range.zone());
    }
}
