package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * TAF 7 (15-minute series) completeness of one register over a month, counted in quarter hours (intervals, the unit
 * of the 2,972 / 2,980): a quarter hour is a true value when its energy rests on two true readings, a
 * substitute when either reading is an Ersatzwert, a gap when it has no energy and is due, pending when it has none
 * and is not due yet (the current month). {@code trueValues + substitutes + gaps + pending = expected}.
 *
 * @param ptbCounts true values per PTB level 0 (ok) .. 4 (fatal): the worse level of the interval's two readings
 * @param legacyQuarterHours the true values whose energy rests on a reading of an SMGW.Lite gateway (unsigned,
 *                           {@link IntervalSeries#origin} legacy); counted in {@code ptbCounts} too (level 3)
 * @param first the month's first true register reading (slots 0 .. the closing boundary), null when none
 * @param last the month's last true register reading, null when none
 */
public record Taf7Completeness(int expected, int trueValues, int substitutes, int gaps, int pending,
                               List<Integer> ptbCounts, int legacyQuarterHours, RegisterValue first, RegisterValue last) {

    public Taf7Completeness {
        ptbCounts = List.copyOf(ptbCounts);
        if (legacyQuarterHours < 0 || legacyQuarterHours > trueValues) {
            throw new IllegalStateException("TAF 7 counts " + legacyQuarterHours + " legacy quarter hours of "
                    + trueValues + " true values");
        }
        if (trueValues + substitutes + gaps + pending != expected) {
            throw new IllegalStateException("TAF 7 counts " + trueValues + " + " + substitutes + " + " + gaps + " + "
                    + pending + " do not add up to the " + expected + " quarter hours expected");
        }
    }

    /** The counts of {@code month}'s series, whose first {@code due} intervals are due. */
    public static Taf7Completeness of(IntervalSeries month, int due) {
        int n = month.size();
        int substitutes = 0;
        int gaps = 0;
        int pending = 0;
        int legacy = 0;
        int[] ptb = new int[5];
        for (int i = 0; i < n; i++) {
            if (month.isGap(i)) {
                if (i < due) {
                    gaps++;
                } else {
                    pending++;
                }
            } else if (month.substituteMethod(i) != null) {
                substitutes++;
            } else {
                ptb[Math.min(4, Math.max(0, month.ptbLevel(i)))]++;
                if (month.origin(i) == Origin.LEGACY) {
                    legacy++;
                }
            }
        }
        int trueValues = n - substitutes - gaps - pending;
        return new Taf7Completeness(n, trueValues, substitutes, gaps, pending, List.of(ptb[0], ptb[1], ptb[2], ptb[3],
                ptb[4]), legacy, trueReading(month, 0, n + 1, 1), trueReading(month, n, -1, -1));
    }

    /** The first true reading walking from slot {@code from} towards {@code stop} (exclusive). */
    private static RegisterValue trueReading(IntervalSeries s, int from, int stop, int step) {
        for (int slot = from; slot != stop; slot += step) {
            if (s.readingAt(slot) != null && s.readingSubstituteMethod(slot) == null) {
                return new RegisterValue(s.intervalStart(0).plusSeconds(900L * slot), s.readingAt(slot), s.unit(slot));
            }
        }
        return null;
    }

    /** True values in percent of the expected quarter hours, two decimals (rounded down: 99.99 is not 100). */
    public BigDecimal completenessPercent() {
        return expected == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(trueValues * 100L).divide(BigDecimal.valueOf(expected), 2, RoundingMode.DOWN);
    }
}
