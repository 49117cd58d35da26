package org.smgwlite.platform.metering.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily and monthly totals from the two series: an interval counts for the local day (and month)
 * in which it starts, so a day's total is the register at its local midnight-to-midnight
 * difference, and a DST day sums its 92 or 100 quarter hours.
 */
public final class LoadCurveCalculator {

    private LoadCurveCalculator() {
    }

    public static LoadCurve curve(CurveRange range, IntervalSeries imports, IntervalSeries exports) {
        List<EnergyTotal> daily = new ArrayList<>();
        long from = range.from().getEpochSecond();
        long step = CurveRange.SLOT.getSeconds();
        for (LocalDate day = range.first(); day.isBefore(range.endExclusive()); day = day.plusDays(1)) {
            int begin = (int) ((day.atStartOfDay(range.zone()).toEpochSecond() - from) / step);
            int end = (int) ((day.plusDays(1).atStartOfDay(range.zone()).toEpochSecond() - from) / step);
            daily.add(total(day, imports, exports, begin, end));
        }
        List<EnergyTotal> monthly = new ArrayList<>();
        for (EnergyTotal d : daily) {
            LocalDate month = d.start().withDayOfMonth(1);
            EnergyTotal last = monthly.isEmpty() ? null : monthly.get(monthly.size() - 1);
            if (last == null || !last.start().equals(month)) {
                monthly.add(new EnergyTotal(month, d.importWh(), d.exportWh(), d.intervals(), d.gaps()));
            } else {
                monthly.set(monthly.size() - 1, new EnergyTotal(month, last.importWh().add(d.importWh()),
                        last.exportWh().add(d.exportWh()), last.intervals() + d.intervals(), last.gaps() + d.gaps()));
            }
        }
        return new LoadCurve(range, imports, exports, List.copyOf(daily), List.copyOf(monthly));
    }

    /** Gaps count an interval once if either metered register misses it. */
    private static EnergyTotal total(LocalDate day, IntervalSeries imports, IntervalSeries exports, int begin, int end) {
        int gaps = 0;
        for (int i = begin; i < end; i++) {
            if (imports.metered() && imports.isGap(i) || exports.metered() && exports.isGap(i)) {
                gaps++;
            }
        }
        return new EnergyTotal(day, imports.energyWhSum(begin, end), exports.energyWhSum(begin, end), end - begin, gaps);
    }
}
