package org.smgwlite.platform.metering;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * Keeps monthly partitions of {@code meter_reading} and {@code meter_reading_hires} (the partitioned tables of
 * {@code retention_target}, db-migrations V22) ahead of time: at startup (after the migrations) and daily, the
 * current month and the next three exist. A month that cannot be created (rows for it already sit in the
 * DEFAULT partition) is logged and left to an operator; the readings stay safe in the DEFAULT partition.
 *
 * <p>Once per cluster and UTC day ({@link ClusterJobs}): the first of a node's start or the ticks at 01:17 UTC runs
 * it; the later ticks of the day (07:17, 13:17, 19:17) only take over a run whose node died.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ReadingPartitions {

    private static final Logger LOG = Logger.getLogger(ReadingPartitions.class.getName());
    static final int MONTHS_AHEAD = 3;

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("reading-partitions");

    @Inject
    ClusterJobs jobs;

    @PostConstruct
    void atStartup() {
        daily();
    }

    @Schedule(hour = "1,7,13,19", minute = "17", timezone = "UTC", persistent = false)
    @Lock(LockType.READ)
    void daily() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        jobs.runOnce(JOB, JobSlots.day(today, ZoneOffset.UTC), () -> ensureComingMonths(today));
    }

    JobResult ensureComingMonths(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        List<String> missing = new ArrayList<>();
        List<String> tables = partitionedTables();
        if (tables.isEmpty()) {
            return JobResult.of(true, "no partitioned table read from retention_target (see the log)");
        }
        for (String table : tables) {
            for (int i = 0; i <= MONTHS_AHEAD; i++) {
                LocalDate from = month.plusMonths(i);
                // The platform's login role owns no table: the owner's function creates the month (db-migrations V10, V22).
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("SELECT CAST(partition_ensure_month(?, ?) AS text)")) {
                    s.setString(1, table);
                    s.setObject(2, from);
                    s.execute();
                } catch (SQLException e) {
                    String name = table + " " + from.getYear() + "-" + String.format("%02d", from.getMonthValue());
                    missing.add(name);
                    LOG.log(Level.WARNING, "partition of " + name + " not created: " + e.getMessage());
                }
            }
        }
        return JobResult.of(!missing.isEmpty(), missing.isEmpty()
                ? "months " + month + " to " + month.plusMonths(MONTHS_AHEAD) + " in place"
                : "not created (see the log): " + String.join(", ", missing));
    }

    private List<String> partitionedTables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT table_name FROM retention_target WHERE method = 'partition' ORDER BY table_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "partitioned tables not read from retention_target, no month created: " + e.getMessage());
        }
        return tables;
    }
}
