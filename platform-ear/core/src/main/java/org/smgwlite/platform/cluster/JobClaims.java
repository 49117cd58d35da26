package org.smgwlite.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The claims of {@code cluster_job_run} (V21), each statement a transaction of its own (autocommit, bound to no
 * tenant), every time the database's {@code now()}. The rule, in {@link #claim}'s one statement:
 * <ol>
 * <li>no row for (job, slot): the INSERT stores this node's claim, attempt 1, and it runs the job;</li>
 * <li>a row whose run is finished ({@code DONE} or {@code FAILED}): nothing changes, the slot is never run again;</li>
 * <li>a row not finished whose {@code lease_until} is still ahead: its node is running it, nothing changes;</li>
 * <li>a row not finished whose lease has run out (its node died, or lost the database for longer than the lease): the
 * claim passes to this node, {@code attempt + 1}, {@code taken_from} the old node, and this node runs the job.</li>
 * </ol>
 * PostgreSQL's {@code ON CONFLICT DO UPDATE ... WHERE} locks the row and checks the condition on its newest version, so
 * of two nodes racing for a slot, or for the takeover of one, exactly one gets a row back.
 */
public final class JobClaims {

    /** This node's claim of a slot: {@link #renew} and {@link #finish} act on it only while it is still this attempt. */
    public record Claim(ClusterJob job, Instant slot, String node, int attempt, Optional<String> takenFrom) {
    }

    private static final String CLAIM = """
            INSERT INTO cluster_job_run AS r (job, slot, node, claimed_at, lease_until)
            VALUES (?, ?, ?, now(), now() + ? * interval '1 millisecond')
            ON CONFLICT (job, slot) DO UPDATE
               SET node = excluded.node, attempt = r.attempt + 1, taken_from = r.node, claimed_at = excluded.claimed_at,
                   lease_until = excluded.lease_until
             WHERE r.finished_at IS NULL AND r.lease_until < now()
            RETURNING attempt, taken_from""";
    private static final String RENEW = "UPDATE cluster_job_run SET lease_until = now() + ? * interval '1 millisecond'"
            + " WHERE job = ? AND slot = ? AND attempt = ? AND finished_at IS NULL";
    private static final String FINISH = "UPDATE cluster_job_run SET finished_at = now(), outcome = ?, detail = ?"
            + " WHERE job = ? AND slot = ? AND attempt = ? AND finished_at IS NULL";
    private static final String MATCH = " WHERE (CAST(? AS varchar) IS NULL OR job LIKE ?)";
    private static final String PAGE = "SELECT job, slot, node, attempt, taken_from, claimed_at, lease_until, finished_at, outcome,"
            + " detail, lease_until < now() FROM cluster_job_run" + MATCH + " ORDER BY claimed_at DESC, job, slot DESC LIMIT ? OFFSET ?";
    /** At most a batch of finished runs that ended before the days given; a claim not finished is never touched. */
    private static final String PRUNE = """
            DELETE FROM cluster_job_run WHERE (job, slot) IN (
                SELECT job, slot FROM cluster_job_run
                 WHERE finished_at IS NOT NULL AND finished_at < now() - ? * interval '1 day' LIMIT ?)""";

    private final DataSource dataSource;

    public JobClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** This node's claim of the slot, or empty when another node has it or it was run already (rules above). */
    public Optional<Claim> claim(ClusterJob job, Instant slot, ClusterNode node) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, job.name());
            s.setObject(2, utc(slot));
            s.setString(3, node.name());
            s.setLong(4, job.lease().toMillis());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Claim(job, slot, node.name(), rs.getInt(1), Optional.ofNullable(rs.getString(2))))
                        : Optional.empty();
            }
        }
    }

    /** Moves the lease one {@link ClusterJob#lease()} ahead; false when the claim is no longer this one (taken over). */
    public boolean renew(Claim claim) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RENEW)) {
            s.setLong(1, claim.job().lease().toMillis());
            bindClaim(s, 2, claim);
            return s.executeUpdate() == 1;
        }
    }

    /** Records the end of the run; false when the claim is no longer this one (taken over: the other run's end counts). */
    public boolean finish(Claim claim, JobResult result) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FINISH)) {
            s.setString(1, result.outcome().name());
            s.setString(2, result.detail());
            bindClaim(s, 3, claim);
            return s.executeUpdate() == 1;
        }
    }

    /** One page of the claims, newest first; {@code jobPrefix} (blank for all) matches the start of the job's name. */
    public List<JobRunView> page(String jobPrefix, PageRequest page) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PAGE)) {
            int next = bindMatch(s, jobPrefix);
            s.setInt(next, page.limit());
            s.setInt(next + 1, page.offset());
            List<JobRunView> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(view(rs));
                }
            }
            return rows;
        }
    }

    /** How many claims {@link #page} finds for {@code jobPrefix}. */
    public long count(String jobPrefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM cluster_job_run" + MATCH)) {
            bindMatch(s, jobPrefix);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Deletes the finished runs ({@code DONE} or {@code FAILED}) that ended more than {@code days} days ago, at most
     * {@code batch} rows a statement, each its own transaction, until a statement finds fewer: a first run on a big
     * table holds no long transaction. Runs not finished (running, or abandoned by a dead node) stay. Why a deleted slot
     * does not run again: {@link JobHistory}.
     *
     * @return how many runs were deleted
     */
    public long deleteFinishedBefore(int days, int batch) throws SQLException {
        if (days < 1 || batch < 1) {
            throw new IllegalArgumentException("days and batch must be positive, are " + days + " and " + batch);
        }
        long deleted = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PRUNE)) {
            s.setInt(1, days);
            s.setInt(2, batch);
            int rows;
            do {
                rows = s.executeUpdate();
                deleted += rows;
            } while (rows == batch);
        }
        return deleted;
    }

    private static void bindClaim(PreparedStatement s, int from, Claim claim) throws SQLException {
        s.setString(from, claim.job().name());
        s.setObject(from + 1, utc(claim.slot()));
        s.setInt(from + 2, claim.attempt());
    }

    private static int bindMatch(PreparedStatement s, String jobPrefix) throws SQLException {
        String pattern = jobPrefix == null || jobPrefix.isBlank() ? null : LikePrefix.of(jobPrefix.strip().toLowerCase(Locale.ROOT));
        s.setString(1, pattern);
        s.setString(2, pattern);
        return 3;
    }

    private static JobRunView view(ResultSet rs) throws SQLException {
        String outcome = rs.getString(9);
        JobState state = outcome != null ? JobState.valueOf(outcome) : rs.getBoolean(11) ? JobState.ABANDONED : JobState.RUNNING;
        return new JobRunView(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getInt(4), Optional.ofNullable(rs.getString(5)),
                instant(rs, 6), instant(rs, 7), Optional.ofNullable(instant(rs, 8)), state, Optional.ofNullable(rs.getString(10)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
