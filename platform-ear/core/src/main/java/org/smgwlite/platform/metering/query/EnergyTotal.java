package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Energy of one local day or month, exact in Wh, summed over the quarter hours that have a
 * value; {@code gaps} counts those that have none, so an incomplete total is visible as such.
 */
public record EnergyTotal(LocalDate start, BigDecimal importWh, BigDecimal exportWh, int intervals, int gaps) {

    public EnergyTotal withStart(LocalDate otherStart) {
        return new EnergyTotal(otherStart, importWh, exportWh, intervals, gaps);
    }

    public boolean complete() {
        return gaps == 0;
    }
}
