package org.smgwlite.platform.metering.retention;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * The daily retention run, beside {@link org.smgwlite.platform.metering.ReadingPartitions}. Periods are read from
 * MicroProfile Config by the setting names the database lists ({@code retention_target.setting}); every period
 * defaults to 0, keep forever: deleting readings is an operator's decision (README "Retention and sizing").
 * {@link #runOnce} is the whole job, so that a once-per-cluster claim can wrap it.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Schedule(hour = "2", minute = "37", persistent = false)
    void daily() {
        runOnce();
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
