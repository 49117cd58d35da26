package org.smgwlite.platform.metering.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily and monthly totals from the two series: an interval counts for the local day (and month)
 * in which it starts, so a day's total is the register at its local midnight-to-midnight
 * difference, and a DST day sums its 92 or 100 quarter hours. Only due intervals ({@link ExpectedSlots})
 * count as gaps.
 */
public final class LoadCurveCalculator {

    private LoadCurveCalculator() {
    }

    /** The curve with every interval due: the record as it is. */
    public static LoadCurve curve(CurveRange range, IntervalSeries imports, IntervalSeries exports) {
        return curve(range, imports, exports, ExpectedSlots.ALL);
    }

    public static LoadCurve curve(CurveRange range, IntervalSeries imports, IntervalSeries exports,
                                  ExpectedSlots expected) {
        int dueEnd = expected.dueCount(range.from().getEpochSecond(), imports.size());
        List<EnergyTotal> daily = new ArrayList<>();
        long from = range.from().getEpochSecond();
        long step = CurveRange.SLOT.getSeconds();
        for (LocalDate day = range.first(); day.isBefore(range.endExclusive()); day = day.plusDays(1)) {
            int begin = (int) ((day.atStartOfDay(range.zone()).toEpochSecond() - from) / step);
            int end = (int) ((day.plusDays(1).atStartOfDay(range.zone()).toEpochSecond() - from) / step);
            daily.add(total(day, imports, exports, begin, end, dueEnd));
        }
        List<EnergyTotal> monthly = new ArrayList<>();
        for (EnergyTotal d : daily) {
            LocalDate month = d.start().withDayOfMonth(1);
            EnergyTotal last = monthly.isEmpty() ? null : monthly.get(monthly.size() - 1);
            if (last == null || !last.start().equals(month)) {
                monthly.add(d.withStart(month));
            } else {
                monthly.set(monthly.size() - 1, last.plus(d));
            }
        }
        return new LoadCurve(range, imports, exports, expected, List.copyOf(daily), List.copyOf(monthly));
    }

    /** Gaps count a due interval (one before {@code dueEnd}) once if either metered register misses it. */
    private static EnergyTotal total(LocalDate day, IntervalSeries imports, IntervalSeries exports, int begin, int end,
                                     int dueEnd) {
        int gaps = 0;
        int dueUntil = Math.max(begin, Math.min(end, dueEnd));
        for (int i = begin; i < dueUntil; i++) {
            if (imports.metered() && imports.isGap(i) || exports.metered() && exports.isGap(i)) {
                gaps++;
            }
        }
        return new EnergyTotal(day, imports.energyWhSum(begin, end), exports.energyWhSum(begin, end), end - begin,
                dueUntil - begin, gaps);
    }
}
