package org.smgwlite.platform.metering.retention;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * The daily retention run, beside {@link org.smgwlite.platform.metering.ReadingPartitions}. Periods are read from
 * MicroProfile Config by the setting names the database lists ({@code retention_target.setting}); every period
 * defaults to 0, keep forever: deleting readings is an operator's decision (README "Retention and sizing").
 * {@link #runOnce} is the whole job; {@link #daily} runs it once per cluster and day.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("retention");

    @Inject
    ClusterJobs jobs;

    /**
     * Once per cluster and UTC day ({@link ClusterJobs}): the tick at 02:37 UTC runs it, the later ones only take over a
     * run whose node died.
     */
    @Schedule(hour = "2,8,14,20", minute = "37", timezone = "UTC", persistent = false)
    void daily() {
        jobs.runOnce(JOB, JobSlots.day(LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC), () -> {
            RetentionReport report = runOnce();
            return JobResult.of(!report.failures().isEmpty(), report.retired().size() + " month(s) retired, "
                    + report.deletedRows().values().stream().mapToLong(Long::longValue).sum() + " old row(s) deleted, "
                    + report.failures().size() + " failure(s)");
        });
    }

    /** One run: retires what is due, logs what it did and what failed, returns the report. */
    public RetentionReport runOnce() {
        try {
            RetentionReport report = new Retention(dataSource, settings(ConfigProvider.getConfig()), Clock.systemUTC()).run();
            report.retired().forEach(m -> LOG.info("retention: " + m.table() + " " + m.month() + " archived (" + m.rows()
                    + " rows) to " + m.archive() + " and dropped"));
            report.deletedRows().forEach((table, rows) -> LOG.info("retention: " + rows + " old rows of " + table + " deleted"));
            report.failures().forEach(f -> LOG.warning("retention of " + f.table() + " " + f.what() + " failed, nothing of it"
                    + " dropped: " + f.reason()));
            return report;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "retention run failed, nothing dropped without its archive", e);
            throw new IllegalStateException("retention run failed: " + e.getMessage(), e);
        }
    }

    static RetentionSettings settings(Config config) {
        return new RetentionSettings(name -> config.getOptionalValue(name, Integer.class),
                config.getOptionalValue(RetentionSettings.ARCHIVE_DIR, String.class).map(Path::of));
    }
}
