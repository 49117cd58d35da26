package org.smgwlite.platform.metering.query;

import java.util.List;

/**
 * Energy per day of a range next to the same days of the comparison period before it ({@link ComparisonPeriod}),
 * day i with day i: import (Bezug) and export (Einspeisung) as the registers 1.8.0 and 2.8.0 measure them.
 *
 * <p>Own consumption of PV households (Eigenverbrauch) is not here: it is generation minus export, and the
 * household's two-way meter measures only what crosses the grid connection, not what the PV system generates.
 * Without a generation register it cannot be derived honestly.
 */
public record DailyEnergy(CurveRange range, List<EnergyTotal> days, CurveRange previousRange,
                          List<EnergyTotal> previousDays) {

    public DailyEnergy {
        days = List.copyOf(days);
        previousDays = List.copyOf(previousDays);
    }
}
