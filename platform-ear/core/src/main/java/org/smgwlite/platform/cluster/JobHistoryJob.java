package org.smgwlite.platform.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * Once per cluster and UTC day, the finished runs of the jobs older than {@link JobHistory} are deleted from
 * {@code cluster_job_run} (V27 grants the login role the DELETE), {@value #BATCH} a statement. The setting is read at
 * each run: a value out of range makes the run {@code FAILED} with the setting's message, and nothing is deleted.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobHistoryJob {

    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("job-history");
    static final int BATCH = 10_000;

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ClusterJobs jobs;

    /** The tick at 03:47 UTC runs it, the later ones only take over a run whose node died. */
    @Schedule(hour = "3,9,15,21", minute = "47", timezone = "UTC", persistent = false)
    void daily() {
        jobs.runOnce(JOB, JobSlots.day(LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC),
                () -> prune(JobHistory.from(ConfigProvider.getConfig()), new JobClaims(dataSource), BATCH));
    }

    /** One run: nothing when the history is kept forever, else the finished runs older than its days. */
    static JobResult prune(JobHistory history, JobClaims claims, int batch) throws SQLException {
        if (history.keepsForever()) {
            return JobResult.done(JobHistory.SETTING + " is 0: the jobs' runs are kept forever");
        }
        long deleted = claims.deleteFinishedBefore(history.days(), batch);
        return JobResult.done(deleted + " finished run(s) older than " + history.days() + " days deleted");
    }
}
