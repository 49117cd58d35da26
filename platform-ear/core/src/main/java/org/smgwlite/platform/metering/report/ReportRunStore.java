package org.smgwlite.platform.metering.report;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.smgwlite.pki.TenantId;

/**
 * The run's state, each change in a transaction of its own ({@code REQUIRES_NEW}): a claim is committed before the
 * background work starts, progress is visible while the run's own transaction is still open, and a failure is kept
 * although the run's work rolls back.
 *
 * <p>Progress is reported asynchronously, on a thread of its own: suspending the run's transaction for a nested one
 * while the run streams its day rows through an open connection lost the run's work on Payara (it committed nothing,
 * the month stayed RUNNING; TafReportIT). Reports may therefore arrive out of order; the stored count only grows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReportRunStore {

    @Inject
    TenantJdbc jdbc;

    public boolean claim(TenantId tenant, BillingMonth month, String actor) {
        return jdbc.run(tenant, "starting the month run " + month, (c, em) -> ReportRunRows.claim(c, tenant, month, actor));
    }

    @Asynchronous
    public void progress(TenantId tenant, BillingMonth month, int done, int total) {
        jdbc.run(tenant, "the month run's progress", (c, em) -> {
            ReportRunRows.progress(c, tenant, month, done, total);
            return null;
        });
    }

    public void fail(TenantId tenant, BillingMonth month, String failure) {
        jdbc.run(tenant, "recording the month run's failure", (c, em) -> {
            ReportRunRows.fail(c, tenant, month, failure);
            return null;
        });
    }
}
