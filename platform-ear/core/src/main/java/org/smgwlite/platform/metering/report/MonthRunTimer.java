package org.smgwlite.platform.metering.report;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.YearMonth;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.cluster.TenantByTenant;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The month run the day after a month ends: on the 2nd, once the last day's readings (day-after, TAF 7) and their
 * substitute values are in, every tenant's previous month is calculated and stored, tenant after tenant, so an operator
 * opens the Reports screen on results. A tenant whose month is running already is left to that run; one that fails is
 * logged (and marked FAILED) and the next one runs.
 *
 * <p>Once per cluster and billing month, the slot being the month's start in Berlin ({@link ClusterJobs}): the tick at
 * 05:17 on the 2nd runs it; the hourly ticks until 23:17 only take over a run whose node died, or run the month on a
 * platform that was down at 05:17. Each tenant's month is claimed once more in {@code taf_report_run}, as before.
 */
@Singleton
public class MonthRunTimer {

    /** Who started a run the timer made. */
    static final String ACTOR = "monthly-timer";

    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("month-run");

    @Inject
    TenantService tenants;

    @Inject
    ReportRunStore runs;

    @Inject
    MonthRunWorker worker;

    @Inject
    ClusterJobs jobs;

    @Schedule(dayOfMonth = "2", hour = "5-23", minute = "17", timezone = "Europe/Berlin", persistent = false)
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void dayAfterMonth() {
        BillingMonth month = new BillingMonth(YearMonth.now(CurveRange.BERLIN).minusMonths(1));
        jobs.runOnce(JOB, JobSlots.month(month.month(), CurveRange.BERLIN), () -> everyTenant(month));
    }

    /** Each tenant's month that is not running or done already; a run's own failure is its tenant's (Reports screen). */
    private JobResult everyTenant(BillingMonth month) {
        return TenantByTenant.run(tenants.list(), "month run " + month, "tenant months run", tenant -> {
            if (!runs.claim(tenant, month, ACTOR)) {
                return 0;
            }
            worker.runHere(tenant, month);
            return 1;
        });
    }
}
