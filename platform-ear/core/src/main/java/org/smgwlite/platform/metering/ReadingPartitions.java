package org.smgwlite.platform.metering;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * Keeps monthly partitions of {@code meter_reading} ahead of time: at startup (after the migrations) and daily,
 * the current month and the next three exist. A month that cannot be created (rows for it already sit in the
 * DEFAULT partition) is logged and left to an operator; the readings stay safe in the DEFAULT partition.
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

    @PostConstruct
    void atStartup() {
        ensureComingMonths();
    }

    @Schedule(hour = "1", minute = "17", persistent = false)
    void daily() {
        ensureComingMonths();
    }

    void ensureComingMonths() {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            LocalDate from = month.plusMonths(i);
            String name = "meter_reading_" + from.getYear() + "_" + String.format("%02d", from.getMonthValue());
            String sql = "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF meter_reading FOR VALUES FROM ('"
                    + from + " 00:00:00+00') TO ('" + from.plusMonths(1) + " 00:00:00+00')";
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "partition " + name + " not created: " + e.getMessage());
            }
        }
    }
}
