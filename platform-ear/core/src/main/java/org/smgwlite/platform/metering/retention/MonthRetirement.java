package org.smgwlite.platform.metering.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Retires one month of one partitioned table in one transaction, in this order: the partition locked against writes
 * ({@code retention_month_open}); its rows and the following tables' rows of the month ({@code retention_month_take},
 * which deletes what it returns) streamed as binary COPY into a {@link MonthArchive}, each file read back and
 * checked; the archive sealed on disk; only then the derived rows deleted and the partition detached and dropped
 * ({@code retention_month_close}) and the transaction committed. Any failure before the commit rolls everything
 * back: the partition stays attached with all its rows and no archive is left.
 */
final class MonthRetirement {

    /** A month retired: its archive directory and the rows of each archived table. */
    record Retired(String table, YearMonth month, Path archive, List<MonthArchive.ArchivedFile> files) {
        long rows() {
            return files.get(0).rows();
        }
    }

    private MonthRetirement() {
    }

    /**
     * @return the month retired, or null when the table has no attached partition for it
     * @throws IOException  when the archive could not be written or did not read back as written (nothing dropped)
     * @throws SQLException when the database refused a step (nothing dropped)
     */
    static Retired retire(Connection c, Path archiveRoot, RetentionTarget partitioned, List<RetentionTarget> followers,
                          YearMonth month, Instant now) throws IOException, SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (MonthArchive archive = new MonthArchive(archiveRoot, partitioned.table(), month)) {
            String partition = open(c, partitioned.table(), month);
            if (partition == null) {
                c.rollback();
                return null;
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            archive.add(partitioned.table(), columns(c, partition),
                    out -> copy.copyOut("COPY public." + partition + " TO STDOUT (FORMAT binary)", out));
            for (RetentionTarget rows : followers) {
                archive.add(rows.table(), columns(c, rows.table()), out -> copy.copyOut("COPY (SELECT * FROM retention_month_take("
                        + "NULL::public." + rows.table() + ", DATE '" + month.atDay(1) + "')) TO STDOUT (FORMAT binary)", out));
            }
            Path dir = archive.seal(now);
            try (PreparedStatement close = c.prepareStatement("SELECT CAST(retention_month_close(?, ?) AS text)")) {
                close.setString(1, partitioned.table());
                close.setObject(2, month.atDay(1));
                close.execute();
            }
            c.commit();
            return new Retired(partitioned.table(), month, dir, archive.files());
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String open(Connection c, String table, YearMonth month) throws SQLException {
        try (PreparedStatement open = c.prepareStatement("SELECT retention_month_open(?, ?)")) {
            open.setString(1, table);
            open.setObject(2, month.atDay(1));
            try (ResultSet rs = open.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The relation's columns as {@code name type, ...}, in the order COPY writes them (for the manifest). */
    private static String columns(Connection c, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod),"
                + " ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = to_regclass('public.' || quote_ident(?))"
                + " AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
