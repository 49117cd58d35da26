package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * TAF 1 (billing readings): the register at the month's opening and closing boundary and the month's energy as their
 * difference, exact in Wh. The energy exists only when both boundaries have a value (true or substitute); a substitute
 * boundary is flagged by its {@link BoundaryReading#kind()}, so a bill can say the energy rests on an Ersatzwert, and
 * an unsigned one by its {@link BoundaryReading#origin()}.
 *
 * @param energyWh null when a boundary is missing (or a unit is not energy)
 */
public record Taf1Readings(BoundaryReading start, BoundaryReading end, BigDecimal energyWh) {

    /** The boundaries of a month's series: slot 0 and slot size() (the next month's 00:00). */
    public static Taf1Readings of(IntervalSeries month) {
        BoundaryReading start = BoundaryReading.at(month, 0);
        BoundaryReading end = BoundaryReading.at(month, month.size());
        BigDecimal from = start.wattHours();
        BigDecimal to = end.wattHours();
        return new Taf1Readings(start, end, from == null || to == null ? null : to.subtract(from));
    }

    /** Whether the energy rests on a reading of an SMGW.Lite gateway (unsigned) at either boundary. */
    public boolean legacy() {
        return start.origin() == Origin.LEGACY || end.origin() == Origin.LEGACY;
    }

    /** Whether the energy rests on at least one substitute value. */
    public boolean substituted() {
        return start.kind() == ReadingKind.SUBSTITUTE || end.kind() == ReadingKind.SUBSTITUTE;
    }
}
