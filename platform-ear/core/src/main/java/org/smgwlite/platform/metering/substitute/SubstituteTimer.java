package org.smgwlite.platform.metering.substitute;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.cluster.TenantByTenant;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The day-after run: every night, after the gateways' day-after uploads, each tenant's gaps of the recent weeks get
 * their substitute values ({@link SubstituteService#makeDayAfter}), tenant by tenant, each household in a transaction
 * bound to its tenant. A tenant that fails is logged and the next one runs.
 *
 * <p>Once per cluster and local (Berlin) day, the day the run's range ends on ({@link ClusterJobs}): the tick at 04:23
 * runs it; the hourly ticks until 12:23 only take over a run whose node died, or run the day on a platform that was
 * down at 04:23. The ticks are in the server's zone, as before; the nodes of one deployment group share it.
 */
@Singleton
public class SubstituteTimer {

    private static final Logger LOG = Logger.getLogger(SubstituteTimer.class.getName());

    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("substitute-values");

    @Inject
    TenantService tenants;

    @Inject
    SubstituteService substitutes;

    @Inject
    ClusterJobs jobs;

    @Schedule(hour = "4-12", minute = "23", persistent = false)
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void dayAfter() {
        jobs.runOnce(JOB, JobSlots.day(LocalDate.now(SubstituteRun.ZONE), SubstituteRun.ZONE), this::everyTenant);
    }

    private JobResult everyTenant() {
        return TenantByTenant.run(tenants.list(), "substitute values", "values made", tenant -> {
            SubstituteOutcome outcome = substitutes.makeDayAfter(tenant);
            LOG.info(() -> "substitute values of " + tenant + ": " + outcome);
            return outcome.made();
        });
    }
}
