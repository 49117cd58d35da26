package org.smgwlite.platform.infra;

import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means "the database cannot be reached right now" (stopped, restarting, unreachable, or the
 * pool's connections all busy past their wait), as opposed to a failure of the request itself (a constraint, a bug,
 * a wrong password). The interface layers answer the first with 503 and a retry time, so that a gateway keeps its
 * batch and comes back; the second stays a 500.
 *
 * <p>What counts, anywhere in the cause chain (EJB, JPA, EclipseLink's {@code DatabaseException}, the pool and the
 * wrapping {@code IllegalStateException}s of the JDBC stores all keep their cause):
 * <ul>
 * <li>an {@link SQLException} (or one of its next exceptions) of SQLState class {@code 08} (connection exception:
 *     refused, broken, failed), {@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot
 *     connect now (starting up or shutting down), {@code 53300} too many connections;</li>
 * <li>a {@link ConnectException} (a driver that does not wrap it);</li>
 * <li>the pool giving up without an answer from the database: a {@link ResourceException} with no SQLException
 *     carrying a state below it (Payara's "in-use connections equal max-pool-size and expired max-wait-time").
 *     A connection the database refused for a reason of its own (28P01 wrong password) is not an outage.</li>
 * </ul>
 */
public final class DatabaseUnavailable {

    /** Cause chains are short; a longer (or cyclic) one is not followed further. */
    private static final int MAX_DEPTH = 64;

    private DatabaseUnavailable() {
    }

    /** True if {@code failure} or one of its causes says the database is unavailable (see the class comment). */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean poolGaveUp = false;
        for (Throwable t = failure; t != null && seen.size() < MAX_DEPTH && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (hasOutageState(sql)) {
                    return true;
                }
                if (sql.getSQLState() != null) {
                    poolGaveUp = false; // the database answered below the pool: its answer decides
                }
            }
            if (t instanceof ResourceException) {
                poolGaveUp = true;
            }
        }
        return poolGaveUp;
    }

    /**
     * For a service that reads a constraint's refusal at a flush as a conflict: an outage is no conflict, so
     * {@code failure} goes on as it is when it is one, and the caller's conflict follows otherwise.
     */
    public static void rethrowIfCause(RuntimeException failure) {
        if (isCause(failure)) {
            throw failure;
        }
    }

    /** Whether a SQLState names an outage: class 08, 57P01..57P03, 53300. */
    public static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("53300"));
    }

    private static boolean hasOutageState(SQLException e) {
        int depth = 0;
        for (SQLException next = e; next != null && depth < MAX_DEPTH; next = next.getNextException(), depth++) {
            if (isOutageState(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
