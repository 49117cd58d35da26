package org.smgwlite.platform.rest.report;

import java.time.Instant;
import java.util.List;
import org.smgwlite.platform.metering.report.HouseholdMonthReport;
import org.smgwlite.platform.metering.report.MonthOverviewRow;
import org.smgwlite.platform.metering.report.RegisterMonthReport;
import org.smgwlite.platform.metering.report.ReportRun;

/** The JSON shapes of the report endpoints (months as YYYY-MM text). */
public final class ReportViews {

    private ReportViews() {
    }

    public record RunView(String month, String status, int householdsTotal, int householdsDone, int percent, String startedBy,
                   Instant startedAt, Instant finishedAt, String failure) {
        static RunView of(ReportRun r) {
            return r == null ? null : new RunView(r.month().toString(), r.status().name(), r.householdsTotal(),
                    r.householdsDone(), r.percent(), r.startedBy(), r.startedAt(), r.finishedAt(), r.failure());
        }
    }

    /** The run (null before the first) and one page of its stored rows, worst completeness first. */
    public record OverviewView(String month, RunView run, List<MonthOverviewRow> rows) {
    }

    public record HouseholdReportView(long householdId, String name, String messlokationId, String month,
                               String tariffProfile, boolean hasData, List<RegisterMonthReport> registers) {
        static HouseholdReportView of(HouseholdMonthReport r) {
            return new HouseholdReportView(r.householdId(), r.name(), r.messlokationId(), r.month().toString(),
                    r.tariffProfile(), r.hasData(), r.registers());
        }
    }
}
