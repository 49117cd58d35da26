package org.smgwlite.platform.cluster;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a job's work for a slot on this node if, and only if, this node's claim of the slot is the one stored
 * ({@link JobClaims}), on the caller's thread and in the caller's transaction context, so each job keeps its own
 * transactions. While the work runs, the claim's lease is renewed every third of it on {@code renewals}; the run's end
 * is then stored with its {@link JobResult}. Nothing here throws: a slot that cannot be claimed (the database is away)
 * is logged and skipped, and the job's next tick tries again.
 */
public final class OncePerSlot {

    private static final Logger LOG = Logger.getLogger(OncePerSlot.class.getName());

    private final JobClaims claims;
    private final ClusterNode node;
    private final ScheduledExecutorService renewals;

    public OncePerSlot(JobClaims claims, ClusterNode node, ScheduledExecutorService renewals) {
        this.claims = claims;
        this.node = node;
        this.renewals = renewals;
    }

    /** The run's result when this node ran the slot; empty when another node runs or ran it, or no claim could be made. */
    public Optional<JobResult> runOnce(ClusterJob job, Instant slot, JobWork work) {
        Optional<JobClaims.Claim> claim;
        try {
            claim = claims.claim(job, slot, node);
        } catch (SQLException e) {
            LOG.warning(() -> "job " + job + " slot " + slot + " not claimed on " + node + ", the next tick tries again: "
                    + e.getMessage());
            return Optional.empty();
        }
        if (claim.isEmpty()) {
            LOG.fine(() -> "job " + job + " slot " + slot + ": another node runs it or ran it, skipped on " + node);
            return Optional.empty();
        }
        return Optional.of(run(claim.get(), work));
    }

    private JobResult run(JobClaims.Claim claim, JobWork work) {
        String what = "job " + claim.job() + " slot " + claim.slot();
        LOG.info(() -> what + " runs on " + node + claim.takenFrom().map(old -> " (attempt " + claim.attempt()
                + ", taken over from " + old + ", whose lease ran out)").orElse(""));
        AtomicBoolean lost = new AtomicBoolean();
        long period = Math.max(10, claim.job().lease().toMillis() / 3);
        ScheduledFuture<?> renewal = scheduleRenewal(claim, lost, period);
        JobResult result;
        long started = System.nanoTime();
        try {
            result = work.run();
        } catch (Exception e) { // a run that broke is a FAILED slot, not a timer retrying it
            LOG.log(Level.WARNING, what + " failed on " + node, e);
            result = JobResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }
        JobResult end = result;
        try {
            if (claims.finish(claim, end)) {
                LOG.info(() -> what + " " + end.outcome() + " on " + node + " in " + (System.nanoTime() - started) / 1_000_000
                        + " ms: " + end.detail());
            } else {
                LOG.warning(() -> what + " ended " + end.outcome() + " on " + node + ", but its claim had been taken over by"
                        + " another node (this node's lease ran out): that run's end counts");
            }
        } catch (SQLException e) {
            LOG.warning(() -> what + " ended " + end.outcome() + " on " + node + ", but the end was not stored (its lease"
                    + " runs out and another node may run the slot again): " + e.getMessage());
        }
        return end;
    }

    /**
     * The lease's renewal, or null when the executor refuses it (a container may refuse tasks while the application is
     * still being deployed, where the start-up jobs run): the work runs all the same, covered by its first lease.
     */
    private ScheduledFuture<?> scheduleRenewal(JobClaims.Claim claim, AtomicBoolean lost, long period) {
        try {
            return renewals.scheduleAtFixedRate(() -> renew(claim, lost), period, period, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warning(() -> "job " + claim.job() + " slot " + claim.slot() + ": its lease is not renewed on " + node
                    + " (" + e + "); it holds for " + claim.job().lease());
            return null;
        }
    }

    private void renew(JobClaims.Claim claim, AtomicBoolean lost) {
        if (lost.get()) {
            return;
        }
        try {
            if (!claims.renew(claim)) {
                lost.set(true);
                LOG.warning(() -> "job " + claim.job() + " slot " + claim.slot() + ": the claim of " + node
                        + " was taken over by another node while it ran (its lease had run out)");
            }
        } catch (SQLException e) {
            LOG.warning(() -> "job " + claim.job() + " slot " + claim.slot() + ": lease not renewed on " + node + ": " + e.getMessage());
        }
    }
}
