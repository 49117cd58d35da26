package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Energy of one local day or month, exact in Wh, summed over the quarter hours that have a value. Of its
 * {@code intervals}, {@code due} could have a value by now ({@link ExpectedSlots}); {@code gaps} counts the due ones
 * that have none, so an incomplete total is visible as such and a day still to come is pending, not missing.
 */
public record EnergyTotal(LocalDate start, BigDecimal importWh, BigDecimal exportWh, int intervals, int due, int gaps) {

    public EnergyTotal withStart(LocalDate otherStart) {
        return new EnergyTotal(otherStart, importWh, exportWh, intervals, due, gaps);
    }

    /** Every quarter hour is due and has its value. */
    public boolean complete() {
        return gaps == 0 && due == intervals;
    }

    /** Quarter hours not due yet (in the future, or after the newest reading of the current period). */
    public int pending() {
        return intervals - due;
    }

    EnergyTotal plus(EnergyTotal other) {
        return new EnergyTotal(start, importWh.add(other.importWh), exportWh.add(other.exportWh),
                intervals + other.intervals, due + other.due, gaps + other.gaps);
    }
}
