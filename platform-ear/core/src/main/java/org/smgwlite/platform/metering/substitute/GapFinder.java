package org.smgwlite.platform.metering.substitute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * Finds the gaps of one register's series: runs of slots without a true reading (none, or only a substitute) between
 * two true readings. A run after the last true reading is open-ended: its end value is unknown, so it gets no
 * substitute and is only reported. A run before the first true reading is no gap (the meter may not have been there).
 * A run whose bounding readings differ in unit, or whose register went backwards across it, cannot be filled exactly
 * and is reported like an open one.
 */
public final class GapFinder {

    /**
     * @param bounded  the gaps that can be filled, in slot order
     * @param unfilled the first missing slot of each run that cannot be (open-ended, unit change, backwards)
     */
    public record Found(List<Gap> bounded, List<Instant> unfilled) {
    }

    private GapFinder() {
    }

    public static Found find(IntervalSeries series) {
        List<Gap> bounded = new ArrayList<>();
        List<Instant> unfilled = new ArrayList<>();
        if (!series.metered()) {
            return new Found(bounded, unfilled);
        }
        int previousTrue = -1;
        for (int slot = 0; slot <= series.size(); slot++) {
            if (!isTrue(series, slot)) {
                continue;
            }
            if (previousTrue >= 0 && slot > previousTrue + 1) {
                Gap gap = gap(series, previousTrue, slot);
                if (gap != null) {
                    bounded.add(gap);
                } else {
                    unfilled.add(series.intervalStart(previousTrue + 1));
                }
            }
            previousTrue = slot;
        }
        if (previousTrue >= 0 && previousTrue < series.size()) {
            unfilled.add(series.intervalStart(previousTrue + 1));
        }
        return new Found(bounded, unfilled);
    }

    /** A true reading: one stored from the meter, not a substitute. */
    static boolean isTrue(IntervalSeries series, int slot) {
        return series.readingAt(slot) != null && series.readingSubstituteMethod(slot) == null;
    }

    /** The gap between two true readings in one power of ten (the finer of the two), or null when it cannot be filled. */
    private static Gap gap(IntervalSeries series, int from, int to) {
        if (!Objects.equals(series.unit(from), series.unit(to))) {
            return null;
        }
        BigDecimal start = series.readingAt(from);
        BigDecimal end = series.readingAt(to);
        int scale = Math.max(start.scale(), end.scale());
        BigDecimal s = start.setScale(scale);
        BigDecimal e = end.setScale(scale);
        if (e.compareTo(s) < 0) {
            return null;
        }
        return new Gap(series.register(), series.startEpochSecond(), from, to, s.unscaledValue(), e.unscaledValue(),
                -scale, series.unit(from));
    }
}
