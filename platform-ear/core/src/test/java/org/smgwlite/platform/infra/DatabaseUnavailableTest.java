package org.smgwlite.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL and its driver really throw when the server goes away (an embedded server of the test's own,
 * stopped under an open connection), and the wrappings the platform puts around it, against failures that are
 * not an outage.
 */
class DatabaseUnavailableTest {

    @Test
    void a_stopped_server_is_an_outage_for_an_open_connection_and_for_a_new_one() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        String url = server.getJdbcUrl("postgres", "postgres");
        SQLException terminated;
        try (Connection open = DriverManager.getConnection(url); Connection admin = DriverManager.getConnection(url);
             Statement s = open.createStatement(); Statement a = admin.createStatement()) {
            s.execute("SELECT 1");
            // what every pooled connection gets when the server is stopped (pg_ctl stop -m fast): admin shutdown
            a.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND datname = 'postgres' AND backend_type = 'client backend'");
            terminated = thrownBy(() -> s.execute("SELECT 1"));
        }
        server.close();
        SQLException refused = thrownBy(() -> DriverManager.getConnection(url).close());

        assertThat(terminated.getSQLState()).as(terminated.getMessage()).matches("57P01|08006");
        assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("08001");
        assertThat(DatabaseUnavailable.isCause(terminated)).isTrue();
        assertThat(DatabaseUnavailable.isCause(refused)).isTrue();
        // as the layers above hand it on: EclipseLink, JPA, EJB; the JDBC stores' IllegalStateException
        assertThat(DatabaseUnavailable.isCause(new EJBException(new PersistenceException(DatabaseException.sqlException(refused)))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new EJBException(new IllegalStateException("storing batch 7 failed", terminated))))
                .isTrue();
    }

    @Test
    void every_outage_state_counts_and_only_those() {
        for (String state : new String[] {"08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03", "53300"}) {
            assertThat(DatabaseUnavailable.isCause(new SQLException("x", state))).as(state).isTrue();
        }
        for (String state : new String[] {"23505", "22012", "40001", "40P01", "42P01", "28P01", "57014", "XX000"}) {
            assertThat(DatabaseUnavailable.isCause(new SQLException("x", state))).as(state).isFalse();
        }
    }

    @Test
    void the_next_exception_of_a_batch_counts() {
        SQLException batch = new SQLException("Batch entry 3 was aborted", "42000");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(batch))).isTrue();
    }

    @Test
    void the_pool_giving_up_without_a_database_answer_is_an_outage_and_a_refused_login_is_not() {
        SQLException waitExpired = new SQLException("Error in allocating a connection. Cause: In-use connections equal"
                + " max-pool-size and expired max-wait-time. Cannot allocate more connections.");
        waitExpired.initCause(new ResourceAllocationException("expired max-wait-time"));
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(waitExpired))).isTrue();

        ResourceAllocationException poolRefused = new ResourceAllocationException("cannot create a connection");
        poolRefused.initCause(new SQLException("password authentication failed for user \"smgw_app\"", "28P01"));
        SQLException login = new SQLException("Error in allocating a connection");
        login.initCause(poolRefused);
        assertThat(DatabaseUnavailable.isCause(login)).isFalse();

        ResourceAllocationException poolDown = new ResourceAllocationException("cannot create a connection");
        poolDown.initCause(new SQLException("Connection to localhost:54329 refused", "08001", new ConnectException("refused")));
        assertThat(DatabaseUnavailable.isCause(poolDown)).isTrue();
    }

    @Test
    void failures_of_the_request_itself_are_not_an_outage() {
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("no cause"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new EJBException(new PersistenceException(
                DatabaseException.sqlException(new SQLException("duplicate key value", "23505")))))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new EJBException("bare"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    }

    @Test
    void a_service_reading_a_flush_failure_as_a_conflict_passes_an_outage_on_as_it_is() {
        PersistenceException outage = new PersistenceException(DatabaseException.sqlException(new SQLException("x", "57P01")));
        assertThatThrownBy(() -> DatabaseUnavailable.rethrowIfCause(outage)).isSameAs(outage);
        DatabaseUnavailable.rethrowIfCause(new PersistenceException(new SQLException("duplicate key", "23505"))); // no throw
    }

    @Test
    void a_cyclic_cause_chain_ends() {
        SelfCause e = new SelfCause();
        assertThat(DatabaseUnavailable.isCause(e)).isFalse();
    }

    @Test
    void the_retry_time_is_the_setting_plus_up_to_half_again() {
        RetryAfter thirty = new RetryAfter(30);
        Random random = new Random(7);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < 2000; i++) {
            int s = thirty.jittered(random);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertThat(min).isEqualTo(30);
        assertThat(max).isEqualTo(45);
        assertThat(new RetryAfter(1).jittered(random)).isEqualTo(1);
        assertThatThrownBy(() -> new RetryAfter(0)).hasMessageContaining(RetryAfter.SETTING);
    }

    private static SQLException thrownBy(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("no SQLException");
    }

    @FunctionalInterface
    private interface SqlCall {
        void run() throws SQLException;
    }

    /** A throwable that names itself as its cause (Throwable refuses that, so the override does it). */
    private static final class SelfCause extends RuntimeException {
        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
