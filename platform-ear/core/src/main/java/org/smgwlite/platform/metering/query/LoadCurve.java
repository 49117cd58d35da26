package org.smgwlite.platform.metering.query;

import java.util.List;

/**
 * A household's curve for a range: both registers' intervals, which of them are due ({@code expected}: a gap after
 * that point is pending, not missing) and the daily and monthly totals.
 */
public record LoadCurve(CurveRange range, IntervalSeries imports, IntervalSeries exports, ExpectedSlots expected,
                        List<EnergyTotal> daily, List<EnergyTotal> monthly) {

    public IntervalSeries series(Register register) {
        return register == Register.IMPORT ? imports : exports;
    }

    /** A due interval without a value in a metered register; an interval not due yet is never missing. */
    public boolean missing(IntervalSeries series, int i) {
        return series.metered() && series.isGap(i) && expected.due(series.intervalStart(i));
    }
}
