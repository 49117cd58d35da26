package org.smgwlite.platform.certificate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The shared failure counts in {@code attempt_failure} (V25), each call one statement on a connection of its own
 * (autocommit): reading is one lookup by primary key for all keys asked; a failure is one upsert for all keys, which
 * starts a window over when it has ended and returns the new counts. Whoever calls it inside a tenant's transaction
 * must suspend that first ({@link ClusterFailureCounts}): the table is a platform table, reachable only outside a
 * tenant binding, and a failure must stay counted when the request's transaction rolls back.
 *
 * <p>An {@link SQLException} goes on as an {@link IllegalStateException} with it as the cause, so that an outage is
 * answered 503 ({@link org.smgwlite.platform.infra.DatabaseUnavailable}).
 */
public final class AttemptFailureStore implements SharedFailureCounts {

    /** Rows deleted per statement by {@link #deleteEnded}: a long backlog leaves in short transactions. */
    static final int DELETE_BATCH = 5_000;

    private static final String RECORD_HEAD =
            "INSERT INTO attempt_failure AS f (scope, key, failures, window_end) VALUES ";
    private static final String RECORD_TAIL = """
             ON CONFLICT (scope, key) DO UPDATE
               SET failures = CASE WHEN f.window_end > ? THEN f.failures + 1 ELSE 1 END,
                   window_end = CASE WHEN f.window_end > ? THEN f.window_end ELSE excluded.window_end END
            RETURNING scope, key, failures, window_end""";
    private static final String DELETE_ENDED = "DELETE FROM attempt_failure WHERE (scope, key) IN (SELECT scope, key"
            + " FROM attempt_failure WHERE window_end <= ? LIMIT ?) AND window_end <= ?";

    private final DataSource dataSource;

    public AttemptFailureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<Key, Count> read(List<Key> keys, Instant now) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT scope, key, failures, window_end FROM attempt_failure WHERE ("
                + repeat("(scope = ? AND key = ?)", " OR ", keys.size()) + ") AND window_end > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int next = 1;
            for (Key key : keys) {
                s.setString(next++, key.scope());
                s.setString(next++, key.key());
            }
            s.setObject(next, utc(now));
            return counts(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the shared failure counts: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Key, Count> record(List<Key> keys, Instant now, Duration window) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String sql = RECORD_HEAD + repeat("(?, ?, 1, ?)", ", ", keys.size()) + RECORD_TAIL;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int next = 1;
            // always in the caller's order (id before address): no two upserts lock rows in opposite orders
            for (Key key : keys) {
                s.setString(next++, key.scope());
                s.setString(next++, key.key());
                s.setObject(next++, utc(now.plus(window)));
            }
            s.setObject(next++, utc(now));
            s.setObject(next, utc(now));
            return counts(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a failure in the shared counts: " + e.getMessage(), e);
        }
    }

    @Override
    public void forget(Key key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM attempt_failure WHERE scope = ? AND key = ?")) {
            s.setString(1, key.scope());
            s.setString(2, key.key());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear a shared failure count: " + e.getMessage(), e);
        }
    }

    /** Deletes every count whose window ended at or before {@code now}, in batches; returns how many went. */
    public long deleteEnded(Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DELETE_ENDED)) {
            long deleted = 0;
            int batch;
            do {
                s.setObject(1, utc(now));
                s.setInt(2, DELETE_BATCH);
                s.setObject(3, utc(now));
                batch = s.executeUpdate();
                deleted += batch;
            } while (batch == DELETE_BATCH);
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete ended failure counts: " + e.getMessage(), e);
        }
    }

    private static Map<Key, Count> counts(PreparedStatement s) throws SQLException {
        Map<Key, Count> counts = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(new Key(rs.getString(1), rs.getString(2)),
                        new Count(rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return counts;
    }

    private static String repeat(String part, String separator, int times) {
        return Stream.generate(() -> part).limit(times).collect(Collectors.joining(separator));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
