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
import java.sql.PreparedStatement;
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
            // The platform's login role owns no table: the owner's function creates the month (db-migrations V10).
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT CAST(meter_reading_ensure_month(?) AS text)")) {
                s.setObject(1, from);
                s.execute();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "partition of " + from.getYear() + "-" + String.format("%02d", from.getMonthValue())
                        + " not created: " + e.getMessage());
            }
        }
    }
}
