package org.smgwlite.platform.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.PageRequest;

/**
 * Scheduled work once per cluster. Every node of a deployment group fires the same non-persistent {@code @Schedule}
 * timers; a timer hands its work to {@link #runOnce} with the slot the run is for, and only the node whose claim of
 * (job, slot) is stored in {@code cluster_job_run} runs it. A job of your own:
 * <pre>{@code
 * static final ClusterJob RETENTION = ClusterJob.named("partition-retention");
 *
 * @Schedule(hour = "2-23", minute = "41", persistent = false)   // first tick, then catch-up ticks the same day
 * void daily() {
 *     jobs.runOnce(RETENTION, JobSlots.day(LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC), () -> {
 *         int detached = detachOldMonths();                     // own transactions, as without a cluster
 *         return JobResult.done(detached + " partitions detached");
 *     });
 * }
 * }</pre>
 * The rule ({@link JobClaims}): the first node to claim a slot runs it; a finished slot ({@code DONE} or
 * {@code FAILED}) never runs again; a claim not finished whose lease ({@link ClusterJob#lease()}, renewed while the work
 * runs) has run out, because its node died, is taken over by the next tick of any node. So give a job more than one
 * tick per slot when a dead node's slot should still run the same day. The work runs on the timer's thread without a
 * transaction, as a timer method marked {@code NOT_SUPPORTED} does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterJobs {

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService renewals;

    /** The run's result when this node ran the slot; empty when another node runs or ran it (logged at FINE). */
    public Optional<JobResult> runOnce(ClusterJob job, Instant slot, JobWork work) {
        return new OncePerSlot(new JobClaims(dataSource), ClusterNode.current(), renewals).runOnce(job, slot, work);
    }

    /** This node, as its claims name it. */
    public ClusterNode node() {
        return ClusterNode.current();
    }

    /** One page of the jobs' runs, newest claim first; {@code job} (blank for all) matches the start of a job's name. */
    public List<JobRunView> page(String job, PageRequest page) {
        try {
            return new JobClaims(dataSource).page(job, page);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the jobs' runs: " + e.getMessage(), e);
        }
    }

    /** How many runs {@link #page} finds for {@code job}. */
    public long count(String job) {
        try {
            return new JobClaims(dataSource).count(job);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the jobs' runs: " + e.getMessage(), e);
        }
    }
}
