package org.smgwlite.platform.metering.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smgwlite.platform.metering.retention.RetentionTarget.Method;

/**
 * One run of the retention over the database's targets ({@code retention_target}): per partitioned table with a
 * period, its due months oldest first ({@link DueMonths}), each retired by {@link MonthRetirement}; per aged table
 * with a period, its old rows deleted in batches. Runs outside any tenant binding as the platform's login role; the
 * database's functions (V22) do what that role may not.
 */
public final class Retention {

    /** Rows deleted per statement from an aged table: short transactions beside the uploads. */
    static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final RetentionSettings settings;
    private final Clock clock;

    public Retention(DataSource dataSource, RetentionSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    public RetentionReport run() throws SQLException {
        List<RetentionTarget> targets;
        try (Connection c = dataSource.getConnection()) {
            targets = RetentionTarget.load(c);
        }
        List<RetentionReport.Month> retired = new ArrayList<>();
        Map<String, Long> deleted = new LinkedHashMap<>();
        List<RetentionReport.Failure> failures = new ArrayList<>();
        for (RetentionTarget t : targets) {
            int period;
            try {
                period = t.setting() == null ? 0 : settings.period(t.setting());
            } catch (IllegalArgumentException e) {
                failures.add(new RetentionReport.Failure(t.table(), t.setting(), e.getMessage()));
                continue;
            }
            if (period == 0) {
                continue;
            }
            if (t.method() == Method.PARTITION) {
                retireMonths(t, period, RetentionTarget.following(targets, t.table(), Method.MONTH_ROWS), retired, failures);
            } else if (t.method() == Method.AGED) {
                try {
                    deleted.put(t.table(), deleteAged(t, clock.instant().minus(Duration.ofDays(period))));
                } catch (SQLException e) {
                    failures.add(new RetentionReport.Failure(t.table(), "rows older than " + period + " days", e.getMessage()));
                }
            }
        }
        return new RetentionReport(retired, deleted, failures);
    }

    private void retireMonths(RetentionTarget t, int months, List<RetentionTarget> followers,
                              List<RetentionReport.Month> retired, List<RetentionReport.Failure> failures) {
        Path root;
        List<YearMonth> due;
        try (Connection c = dataSource.getConnection()) {
            due = DueMonths.of(t.table(), partitions(c, t.table()), months, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            if (due.isEmpty()) {
                return;
            }
            root = settings.requireArchiveDir(t.setting());
        } catch (SQLException | IllegalStateException e) {
            failures.add(new RetentionReport.Failure(t.table(), "months before the last " + months, e.getMessage()));
            return;
        }
        for (YearMonth month : due) {
            try (Connection c = dataSource.getConnection()) {
                MonthRetirement.Retired done = MonthRetirement.retire(c, root, t, followers, month, clock.instant());
                if (done != null) {
                    retired.add(new RetentionReport.Month(t.table(), month, done.rows(), done.archive()));
                }
            } catch (IOException | SQLException e) {
                failures.add(new RetentionReport.Failure(t.table(), month.toString(), e.getMessage()));
                return;
            }
        }
    }

    /** The names of the table's attached partitions. */
    static List<String> partitions(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid"
                + " WHERE i.inhparent = to_regclass('public.' || quote_ident(?))")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private long deleteAged(RetentionTarget t, Instant before) throws SQLException {
        long total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT retention_delete_aged(?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, t.table());
            ps.setObject(2, before.atOffset(ZoneOffset.UTC));
            ps.setInt(3, BATCH);
            int gone;
            do {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    gone = rs.getInt(1);
                }
                total += gone;
            } while (gone == BATCH);
        }
        return total;
    }
}
