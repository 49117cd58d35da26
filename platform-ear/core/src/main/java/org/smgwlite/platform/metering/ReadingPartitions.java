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
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * Keeps monthly partitions of {@code meter_reading} and {@code meter_reading_hires} (the partitioned tables of
 * {@code retention_target}, db-migrations V22) ahead of time: at startup (after the migrations) and daily, the
 * current month and the next three exist. A month that cannot be created (rows for it already sit in the
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
        for (String table : partitionedTables()) {
            for (int i = 0; i <= MONTHS_AHEAD; i++) {
                LocalDate from = month.plusMonths(i);
                // The platform's login role owns no table: the owner's function creates the month (db-migrations V10, V22).
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("SELECT CAST(partition_ensure_month(?, ?) AS text)")) {
                    s.setString(1, table);
                    s.setObject(2, from);
                    s.execute();
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "partition of " + table + " for " + from.getYear() + "-"
                            + String.format("%02d", from.getMonthValue()) + " not created: " + e.getMessage());
                }
            }
        }
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
