package org.smgwlite.platform.metering.report;

import java.util.ArrayList;
import java.util.List;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.Register;

/**
 * A household's month: the report of each register its meter has (import always; export only when the meter has
 * ever reported one).
 */
public record HouseholdMonthReport(long householdId, String name, String messlokationId, BillingMonth month,
                                   String tariffProfile, List<RegisterMonthReport> registers) {

    public HouseholdMonthReport {
        registers = List.copyOf(registers);
    }

    /** The report of {@code curve} (over {@code month}'s range) with the zones of {@code grid} (null: no profile). */
    public static HouseholdMonthReport of(long householdId, String name, String messlokationId, BillingMonth month,
                                          LoadCurve curve, ZoneGrid grid) {
        int due = curve.expected().dueCount(month.start().getEpochSecond(), month.quarterHours());
        return of(householdId, name, messlokationId, month, curve.imports(), curve.exports(), grid, due);
    }

    /**
     * The report of the month's two series, the first {@code due} quarter hours due; a register the meter does not
     * have ({@link IntervalSeries#metered()} false) is left out.
     */
    public static HouseholdMonthReport of(long householdId, String name, String messlokationId, BillingMonth month,
                                          IntervalSeries imports, IntervalSeries exports, ZoneGrid grid, int due) {
        List<RegisterMonthReport> registers = new ArrayList<>(2);
        for (IntervalSeries series : List.of(imports, exports)) {
            if (series.metered()) {
                registers.add(RegisterMonthReport.of(series, due, grid));
            }
        }
        return new HouseholdMonthReport(householdId, name, messlokationId, month,
                grid == null ? null : grid.profileName(), registers);
    }

    /** Whether any register has any value in the month. */
    public boolean hasData() {
        return registers.stream().anyMatch(RegisterMonthReport::hasData);
    }

    /** The report of {@code register}, or null when the meter has no such register. */
    public RegisterMonthReport register(Register register) {
        return registers.stream().filter(r -> r.register() == register).findFirst().orElse(null);
    }
}
