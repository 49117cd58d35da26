package org.smgwlite.platform.metering.query;

import java.util.List;

/** A household's curve for a range: both registers' intervals and the daily and monthly totals. */
public record LoadCurve(CurveRange range, IntervalSeries imports, IntervalSeries exports,
                        List<EnergyTotal> daily, List<EnergyTotal> monthly) {

    public IntervalSeries series(Register register) {
        return register == Register.IMPORT ? imports : exports;
    }
}
