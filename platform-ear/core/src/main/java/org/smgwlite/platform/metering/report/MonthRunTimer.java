package org.smgwlite.platform.metering.report;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The month run the day after a month ends: on the 2nd, once the last day's readings (day-after, TAF 7) and their
 * substitute values are in, every tenant's previous month is calculated and stored, tenant after tenant, so an operator
 * opens the Reports screen on results. A tenant whose month is running already is left to that run; one that fails is
 * logged (and marked FAILED) and the next one runs.
 */
@Singleton
public class MonthRunTimer {

    private static final Logger LOG = Logger.getLogger(MonthRunTimer.class.getName());

    /** Who started a run the timer made. */
    static final String ACTOR = "monthly-timer";

    @Inject
    TenantService tenants;

    @Inject
    ReportRunStore runs;

    @Inject
    MonthRunWorker worker;

    @Schedule(dayOfMonth = "2", hour = "5", minute = "17", timezone = "Europe/Berlin", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void dayAfterMonth() {
        BillingMonth month = new BillingMonth(YearMonth.now(CurveRange.BERLIN).minusMonths(1));
        for (Tenant tenant : tenants.list()) {
            try {
                if (runs.claim(tenant.id(), month, ACTOR)) {
                    worker.runHere(tenant.id(), month);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "month run " + month + " of tenant " + tenant.id() + " not started", e);
            }
        }
    }
}
