package org.smgwlite.platform.metering.mscons;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.Register;

/**
 * A household's curve as MSCONS series, one per metered register over the curve's range: every interval with energy
 * becomes a quarter hour in kWh (Wh moved three places, exact, trailing zeros dropped), qualified as substitute
 * when it rests on an Ersatzwert ({@link IntervalSeries#substituteMethod}), as proposed value (Vorschlagswert) when it
 * rests on a reading of an SMGW.Lite gateway ({@link IntervalSeries#origin} legacy: unsigned), else as true value;
 * gaps and quarter hours not due yet are left out.
 */
public final class CurveSeries {

    private CurveSeries() {
    }

    /**
     * Writes {@code range} of one household month by month, each month's curve read by {@code month} only when it is
     * written, so that a year never sits in memory: one LOC group per month with both registers.
     */
    public static void writeMonths(MsconsWriter writer, String messlokationId, CurveRange range,
                                   Function<CurveRange, LoadCurve> month) {
        for (CurveRange m : range.byMonth()) {
            for (MeteringPointSeries s : of(messlokationId, month.apply(m))) {
                writer.write(s);
            }
        }
    }

    /** The series of both registers in the order import, export; a register the meter never reported is left out. */
    public static List<MeteringPointSeries> of(String messlokationId, LoadCurve curve) {
        List<MeteringPointSeries> series = new ArrayList<>(2);
        for (Register register : Register.values()) {
            IntervalSeries s = curve.series(register);
            if (s.metered()) {
                series.add(of(messlokationId, curve, s));
            }
        }
        return series;
    }

    static MeteringPointSeries of(String messlokationId, LoadCurve curve, IntervalSeries s) {
        List<QuarterHour> values = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            if (s.isGap(i)) {
                continue;
            }
            values.add(new QuarterHour(s.intervalStart(i), kwh(s.energyWh(i)), qualifier(s, i)));
        }
        return new MeteringPointSeries(messlokationId, MsconsObis.of(s.register()), curve.range().from(),
                curve.range().to(), values);
    }

    /** Substitute first (an Ersatzwert is made up, whatever its base), then unsigned, then true value. */
    static Qualifier qualifier(IntervalSeries s, int i) {
        if (s.substituteMethod(i) != null) {
            return Qualifier.SUBSTITUTE;
        }
        return s.origin(i) == Origin.LEGACY ? Qualifier.PROPOSED : Qualifier.TRUE_VALUE;
    }

    /** Wh to kWh exactly: 1500 Wh is 1.5, 10000 Wh is 10 (never 1E+1: the writer prints it plain). */
    static BigDecimal kwh(BigDecimal wh) {
        BigDecimal kwh = wh.movePointLeft(3).stripTrailingZeros();
        return kwh.scale() < 0 ? kwh.setScale(0) : kwh;
    }
}
