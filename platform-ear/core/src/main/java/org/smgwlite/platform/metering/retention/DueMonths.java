package org.smgwlite.platform.metering.retention;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which monthly partitions are due: a month is retired once {@code months} whole months have passed since it ended,
 * so with 48 the current month and the 48 before it stay. Partitions not named {@code <table>_YYYY_MM} (the DEFAULT
 * partition) are never due.
 */
public final class DueMonths {

    private DueMonths() {
    }

    /** The due months among the partitions' names, oldest first; none when {@code months} is 0 (keep forever). */
    public static List<YearMonth> of(String table, Collection<String> partitions, int months, LocalDate today) {
        if (months <= 0) {
            return List.of();
        }
        YearMonth oldestKept = YearMonth.from(today).minusMonths(months);
        Pattern name = Pattern.compile(Pattern.quote(table) + "_(\\d{4})_(\\d{2})");
        return partitions.stream().map(name::matcher).filter(Matcher::matches)
                .map(m -> YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                .filter(m -> m.isBefore(oldestKept)).sorted().toList();
    }
}
