package org.smgwlite.platform.metering.report;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.tariff.TariffService;

/**
 * The tenant month run in the background: one transaction of its own (bean-managed, so it may take longer than a
 * request's default timeout) that deletes the month's previous results, writes the new ones chunk by chunk
 * ({@link TenantMonthRun}) and marks the run DONE, all or nothing. Progress and a failure go through
 * {@link ReportRunStore}'s own transactions.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class MonthRunWorker {

    private static final Logger LOG = Logger.getLogger(MonthRunWorker.class.getName());

    /** Seconds the run's transaction may take (10,000 households take well under a minute). */
    static final int TIMEOUT_SECONDS = 1_800;

    @Resource
    UserTransaction transaction;

    @Inject
    TenantJdbc jdbc;

    @Inject
    ReportRunStore runs;

    @Inject
    TariffService tariffs;

    /** Runs the claimed month of {@code tenant}; returns at once, the caller polls {@link ReportService#run}. */
    @Asynchronous
    public void run(TenantId tenant, BillingMonth month) {
        runHere(tenant, month);
    }

    /** Runs the claimed month of {@code tenant} on the caller's thread (the monthly timer, tenant after tenant). */
    public void runHere(TenantId tenant, BillingMonth month) {
        long started = System.nanoTime();
        try {
            transaction.setTransactionTimeout(TIMEOUT_SECONDS);
            transaction.begin();
            int households = jdbc.run(tenant, "the month run " + month, (c, em) -> {
                int total = TenantMonthRun.run(c, tenant, month, ids -> tariffs.calendarsOf(tenant, ids), Instant.now(),
                        (done, all) -> runs.progress(tenant, month, done, all));
                ReportRunRows.finish(c, tenant, month, total);
                return total;
            });
            transaction.commit();
            LOG.info(() -> "month run " + month + " of tenant " + tenant.value() + ": " + households + " households in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception e) {
            rollback();
            LOG.log(Level.WARNING, "month run " + month + " of tenant " + tenant.value() + " failed", e);
            runs.fail(tenant, month, failure(e));
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "rolling back a failed month run failed", e);
        }
    }

    /** What went wrong, without a stack trace: the innermost message. */
    private static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
