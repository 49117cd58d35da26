package org.smgwlite.platform.metering.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.smgwlite.pki.TenantId;

/**
 * The SQL of {@code taf_report_run} (V17), one row per tenant and month. Starting is one statement: it claims the row
 * unless a run is RUNNING (and not stale, i.e. started less than {@value #STALE} ago: a run whose server died), so two
 * starts at once give one run. Callers own the tenant-bound connection.
 */
final class ReportRunRows {

    static final String STALE = "1 hour";

    static final String CLAIM_SQL = """
            INSERT INTO taf_report_run AS r (tenant_id, month, status, households_total, households_done, started_by,
                                             started_at)
            VALUES (?, ?, 'RUNNING', 0, 0, ?, clock_timestamp())
            ON CONFLICT (tenant_id, month) DO UPDATE
               SET status = 'RUNNING', households_total = 0, households_done = 0, started_by = excluded.started_by,
                   started_at = excluded.started_at, finished_at = NULL, failure = NULL
             WHERE r.status <> 'RUNNING' OR r.started_at < clock_timestamp() - interval '""" + STALE + "'"
            + " RETURNING r.month";

    static final String SELECT_SQL = """
            SELECT status, households_total, households_done, started_by, started_at, finished_at, failure
              FROM taf_report_run WHERE tenant_id = ? AND month = ?""";

    private ReportRunRows() {
    }

    /** Claims the month for a new run; false when one is running already. */
    static boolean claim(Connection c, TenantId tenant, BillingMonth month, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM_SQL)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, month.first());
            ps.setString(3, actor);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void progress(Connection c, TenantId tenant, BillingMonth month, int done, int total) throws SQLException {
        update(c, "UPDATE taf_report_run SET households_done = greatest(households_done, ?), households_total = ?"
                + " WHERE tenant_id = ? AND month = ? AND status = 'RUNNING'", tenant, month, done, total);
    }

    /** Marks the run done; in the run's own transaction, so results and state commit together. */
    static void finish(Connection c, TenantId tenant, BillingMonth month, int total) throws SQLException {
        update(c, "UPDATE taf_report_run SET status = 'DONE', households_done = ?, households_total = ?,"
                + " finished_at = clock_timestamp() WHERE tenant_id = ? AND month = ?", tenant, month, total, total);
    }

    static void fail(Connection c, TenantId tenant, BillingMonth month, String failure) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE taf_report_run SET status = 'FAILED', failure = ?,"
                + " finished_at = clock_timestamp() WHERE tenant_id = ? AND month = ?")) {
            ps.setString(1, failure);
            ps.setString(2, tenant.value());
            ps.setObject(3, month.first());
            ps.executeUpdate();
        }
    }

    static Optional<ReportRun> get(Connection c, TenantId tenant, BillingMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SQL)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, month.first());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp finished = rs.getTimestamp(6);
                return Optional.of(new ReportRun(month, RunStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), finished == null ? null : finished.toInstant(),
                        rs.getString(7)));
            }
        }
    }

    private static void update(Connection c, String sql, TenantId tenant, BillingMonth month, int done, int total)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, done);
            ps.setInt(2, total);
            ps.setString(3, tenant.value());
            ps.setObject(4, month.first());
            ps.executeUpdate();
        }
    }
}
