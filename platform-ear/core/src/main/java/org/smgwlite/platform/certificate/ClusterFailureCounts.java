package org.smgwlite.platform.certificate;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * The deployment group's failure counts ({@link AttemptFailureStore}) as the failure limits reach them: outside the
 * caller's transaction ({@code NOT_SUPPORTED}, each statement commits on its own), because the SMGW.Lite door checks
 * and counts inside its tenant's transaction, which a refusal rolls back, and the table is reachable only outside a
 * tenant binding. Every quarter hour, once per cluster, the counts whose window has ended are deleted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterFailureCounts implements SharedFailureCounts {

    /** The sweep's name in {@code cluster_job_run}. */
    public static final ClusterJob SWEEP = ClusterJob.named("attempt-failure-sweep");
    static final Duration EVERY = Duration.ofMinutes(15);

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ClusterJobs jobs;

    @Override
    public Map<Key, Count> read(List<Key> keys, Instant now) {
        return store().read(keys, now);
    }

    @Override
    public Map<Key, Count> record(List<Key> keys, Instant now, Duration window) {
        return store().record(keys, now, window);
    }

    @Override
    public void forget(Key key) {
        store().forget(key);
    }

    /** A missed quarter hour is swept by the next one, so a slot whose node died is not taken over. */
    @Schedule(hour = "*", minute = "7/15", persistent = false)
    void sweep() {
        jobs.runOnce(SWEEP, JobSlots.every(EVERY, Instant.now()),
                () -> JobResult.done(store().deleteEnded(Instant.now()) + " ended failure window(s) deleted"));
    }

    private AttemptFailureStore store() {
        return new AttemptFailureStore(dataSource);
    }
}
