package org.smgwlite.platform.metering.retention;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of {@code retention_target} (db-migrations V22): a table, its time column, how it is retired, the
 * partitioned table whose months it follows ({@code monthOf}) and the setting that gives its period.
 */
public record RetentionTarget(String table, String timeColumn, Method method, String monthOf, String setting) {

    /** How a table's old data leaves the database. */
    public enum Method {
        /** monthly partitions, archived then detached and dropped */
        PARTITION,
        /** rows of a partitioned table's month, archived and deleted with it */
        MONTH_ROWS,
        /** rows of a partitioned table's month rebuilt from it: deleted, not archived */
        DERIVED,
        /** rows older than a number of days, deleted in batches */
        AGED
    }

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RetentionTarget {
        if (!PLAIN_NAME.matcher(table).matches() || !PLAIN_NAME.matcher(timeColumn).matches()) {
            throw new IllegalArgumentException("retention_target row '" + table + "." + timeColumn
                    + "' is not a plain table and column name");
        }
    }

    /** All targets, in the order of the table (by name): owner-maintained, read-only to the platform. */
    public static List<RetentionTarget> load(Connection c) throws SQLException {
        List<RetentionTarget> targets = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, time_column, method, month_of, setting FROM retention_target"
                     + " ORDER BY table_name")) {
            while (rs.next()) {
                targets.add(new RetentionTarget(rs.getString(1), rs.getString(2),
                        Method.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4), rs.getString(5)));
            }
        }
        return targets;
    }

    /** The targets that follow this partitioned table's months with the given method. */
    public static List<RetentionTarget> following(List<RetentionTarget> all, String partitioned, Method method) {
        return all.stream().filter(t -> t.method == method && partitioned.equals(t.monthOf)).toList();
    }
}
