package org.smgwlite.platform.metering.report;

import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.Register;

/**
 * One register's month: TAF 7 completeness always; TAF 1 and TAF 2 only when the month has any value of it
 * ({@code hasData}), so a month without data says so instead of showing zeros. TAF 2 is null as well when the household
 * has no tariff profile.
 */
public record RegisterMonthReport(Register register, boolean hasData, Taf7Completeness taf7, Taf1Readings taf1,
                                  Taf2Energies taf2) {

    /**
     * The report of a month's series ({@code month.size()} = the month's quarter hours, readings up to the closing
     * boundary), the first {@code due} intervals due, zones from {@code grid} (null: no tariff profile).
     */
    public static RegisterMonthReport of(IntervalSeries month, int due, ZoneGrid grid) {
        boolean hasData = false;
        for (int slot = 0; slot <= month.size() && !hasData; slot++) {
            hasData = month.readingAt(slot) != null;
        }
        Taf7Completeness taf7 = Taf7Completeness.of(month, due);
        if (!hasData) {
            return new RegisterMonthReport(month.register(), false, taf7, null, null);
        }
        return new RegisterMonthReport(month.register(), true, taf7, Taf1Readings.of(month),
                grid == null ? null : Taf2Energies.of(month, grid));
    }
}
