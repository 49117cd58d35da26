package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.infra.MigratedPostgres;
import org.smgwlite.platform.infra.RecordingDataSource;

/**
 * The failure limits of a deployment group (V25 {@code attempt_failure}) on an embedded PostgreSQL, as the platform's
 * login role: two "nodes" (two {@link EnrollmentAttempts}, each with its own memory and its own connections) over one
 * database refuse after the configured total of failures, not twice it; a node that has seen the limit refuses from
 * memory without asking the database; successes write nothing; an outage is an exception that reads as one.
 *
 * <p>Time is application time: every statement carries the node's clock, here one {@link FailureLimiterTest.Hands}
 * that both nodes share (as NTP-synchronised nodes would), so the test moves windows forward without waiting.
 */
class SharedFailureLimitsTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("limits_owner", "owner-pw", "limits_login", "login-pw");
    private static final TenantId T = new TenantId("stadtwerke-a");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private static MigratedPostgres db;

    private final FailureLimiterTest.Hands clock = new FailureLimiterTest.Hands();
    private final List<String> sqlOfA = new CopyOnWriteArrayList<>();
    private final List<String> sqlOfB = new CopyOnWriteArrayList<>();
    private EnrollmentAttempts nodeA;
    private EnrollmentAttempts nodeB;

    @BeforeAll
    static void migrate() throws Exception {
        db = MigratedPostgres.start(ROLES);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void twoNodesOverAnEmptyTable() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM attempt_failure");
        }
        nodeA = new EnrollmentAttempts(clock, 5, 20, WINDOW, new AttemptFailureStore(RecordingDataSource.of(login(), sqlOfA)));
        nodeB = new EnrollmentAttempts(clock, 5, 20, WINDOW, new AttemptFailureStore(RecordingDataSource.of(login(), sqlOfB)));
    }

    @Test
    void two_nodes_refuse_a_gateway_id_after_five_failures_between_them_not_ten() {
        for (int i = 0; i < 5; i++) {
            EnrollmentAttempts node = i % 2 == 0 ? nodeA : nodeB; // round robin: A saw 3, B saw 2
            node.check(T, "GW1", "10.0.0." + i);
            node.failed(T, "GW1", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }

        for (EnrollmentAttempts node : List.of(nodeA, nodeB)) {
            assertThatThrownBy(() -> node.check(T, "GW1", "10.0.0.99"))
                    .isInstanceOfSatisfying(EnrollmentThrottledException.class, e -> {
                        assertThat(e.retryAfterSeconds()).as("the window the first failure opened, on either node").isEqualTo(600);
                        assertThat(e.getMessage()).contains("gateway GW1");
                    });
        }
        assertThatCode(() -> nodeB.check(T, "GW2", "10.0.0.99")).doesNotThrowAnyException();
        assertThat(storedFailures("enrollment-gateway", "stadtwerke-a/GW1")).isEqualTo(5);
    }

    @Test
    void two_nodes_refuse_an_address_after_twenty_failures_between_them() {
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed(T, "GW" + i, "192.0.2.7"); // ten each, a new gateway id each time
        }
        assertThatThrownBy(() -> nodeA.check(T, "NEWGW", "192.0.2.7"))
                .isInstanceOf(EnrollmentThrottledException.class).hasMessageContaining("this address");
        assertThatThrownBy(() -> nodeB.check(T, "NEWGW", "192.0.2.7"))
                .isInstanceOf(EnrollmentThrottledException.class).hasMessageContaining("this address");
        assertThatCode(() -> nodeB.check(T, "NEWGW", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void unknown_tenants_on_both_nodes_count_against_the_address_together() {
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? nodeA : nodeB).unknownTenant(new TenantId("nosuch-" + i), "192.0.2.9");
        }
        assertThatThrownBy(() -> nodeA.check(T, "GW1", "192.0.2.9")).isInstanceOf(EnrollmentThrottledException.class);
    }

    @Test
    void when_the_window_ends_every_node_lets_the_id_try_again_and_the_count_starts_over() {
        failOnBoth("GW1", 5);
        assertThatThrownBy(() -> nodeA.check(T, "GW1", "10.0.0.1")).isInstanceOf(EnrollmentThrottledException.class);

        clock.advance(WINDOW);
        nodeA.check(T, "GW1", "10.0.0.1");
        nodeB.check(T, "GW1", "10.0.0.1");
        nodeB.failed(T, "GW1", "10.0.0.1");
        assertThat(storedFailures("enrollment-gateway", "stadtwerke-a/GW1")).as("a new window counts from one").isEqualTo(1);
        failOnBoth("GW1", 3);
        assertThatCode(() -> nodeA.check(T, "GW1", "10.0.0.1")).as("four in the new window").doesNotThrowAnyException();
        nodeA.failed(T, "GW1", "10.0.0.1");
        assertThatThrownBy(() -> nodeB.check(T, "GW1", "10.0.0.1")).isInstanceOf(EnrollmentThrottledException.class);
    }

    @Test
    void failures_racing_on_two_nodes_are_all_counted() throws Exception {
        EnrollmentAttempts a = new EnrollmentAttempts(clock, 1000, 1000, WINDOW, new AttemptFailureStore(login()));
        EnrollmentAttempts b = new EnrollmentAttempts(clock, 1000, 1000, WINDOW, new AttemptFailureStore(login()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                EnrollmentAttempts node = t % 2 == 0 ? a : b;
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        node.failed(T, "GW1", "10.0.0.1");
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(storedFailures("enrollment-gateway", "stadtwerke-a/GW1")).isEqualTo(200);
        assertThat(storedFailures("enrollment-address", "10.0.0.1")).isEqualTo(200);
    }

    @Test
    void once_a_node_knows_the_limit_is_reached_it_refuses_from_memory_without_the_database() {
        failOnBoth("GW1", 5);
        assertThatThrownBy(() -> nodeA.check(T, "GW1", "10.0.0.1")).isInstanceOf(EnrollmentThrottledException.class);
        sqlOfA.clear();

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> nodeA.check(T, "GW1", "10.0.0.1")).isInstanceOf(EnrollmentThrottledException.class);
        }
        assertThat(sqlOfA).as("a flood against a throttled id").isEmpty();
    }

    @Test
    void successes_without_failures_write_nothing_and_each_check_is_one_read() {
        for (int i = 0; i < 50; i++) {
            EnrollmentAttempts node = i % 2 == 0 ? nodeA : nodeB;
            node.check(T, "GW" + i, "10.0.0.1");
            node.succeeded(T, "GW" + i);
        }
        List<String> all = new ArrayList<>(sqlOfA);
        all.addAll(sqlOfB);
        assertThat(all).hasSize(50).allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
        assertThat(rows()).isZero();
    }

    @Test
    void a_success_on_one_node_forgets_the_failures_all_nodes_counted_for_the_id_but_not_for_the_address() {
        failOnBoth("GW1", 4);
        nodeB.check(T, "GW1", "10.0.0.1");
        nodeB.succeeded(T, "GW1");

        failOnBoth("GW1", 4);
        assertThatCode(() -> nodeA.check(T, "GW1", "10.0.0.2")).as("four since the success").doesNotThrowAnyException();
        assertThat(storedFailures("enrollment-address", "10.0.0.1")).as("the address keeps its count").isEqualTo(8);
    }

    @Test
    void the_sweep_deletes_ended_windows_only() {
        failOnBoth("OLD", 1);
        clock.advance(Duration.ofMinutes(10));
        nodeA.failed(T, "NEW", "10.0.0.2");
        clock.advance(Duration.ofMinutes(5));

        long deleted = new AttemptFailureStore(login()).deleteEnded(clock.instant());

        assertThat(deleted).as("OLD's id and its address 10.0.0.1").isEqualTo(2);
        assertThat(storedFailures("enrollment-gateway", "stadtwerke-a/NEW")).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void an_unreachable_database_is_an_outage_not_a_verdict_but_what_memory_knows_still_holds() throws Exception {
        PGSimpleDataSource nowhere = login();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/smgw");
        nowhere.setConnectTimeout(2);
        EnrollmentAttempts cut = new EnrollmentAttempts(clock, 5, 20, WINDOW, new AttemptFailureStore(nowhere));

        assertThatThrownBy(() -> cut.check(T, "GW2", "10.0.0.2")).as("neither allowed nor throttled: 503")
                .satisfies(e -> assertThat(DatabaseUnavailable.isCause(e)).isTrue());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> cut.failed(T, "GW3", "10.0.0.3"))
                    .satisfies(e -> assertThat(DatabaseUnavailable.isCause(e)).isTrue());
        }
        assertThatThrownBy(() -> cut.check(T, "GW3", "10.0.0.3")).as("counted in memory: refused without the database")
                .isInstanceOf(EnrollmentThrottledException.class);
    }

    @Test
    void a_check_reads_both_keys_through_the_primary_key_however_many_rows_there_are() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO attempt_failure SELECT 'legacy-address', '10.1.' || (i / 256) || '.' || (i % 256), 1,"
                    + " now() + interval '15 minutes' FROM generate_series(1, 20000) i");
            s.execute("ANALYZE attempt_failure");
        }
        sqlOfA.clear();
        nodeA.check(T, "GW1", "10.0.0.1");
        assertThat(sqlOfA).hasSize(1);

        try (Connection c = login().getConnection(); var explain = c.prepareStatement("EXPLAIN " + sqlOfA.get(0))) {
            explain.setString(1, "enrollment-gateway");
            explain.setString(2, "stadtwerke-a/GW1");
            explain.setString(3, "enrollment-address");
            explain.setString(4, "10.0.0.1");
            explain.setObject(5, OffsetDateTime.now());
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("attempt_failure_pkey").doesNotContain("Seq Scan");
        }
    }

    @Test
    void a_transaction_bound_to_a_tenant_cannot_read_or_write_the_counts() throws Exception {
        nodeA.failed(T, "GW1", "10.0.0.1");
        try (Connection c = login().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT smgw_bind_tenant('stadtwerke-a')").close();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM attempt_failure")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                assertThatThrownBy(() -> s.execute("INSERT INTO attempt_failure VALUES ('legacy-device', 'x', 1, now())"))
                        .hasMessageContaining("row-level security");
            } finally {
                c.rollback();
            }
        }
    }

    private void failOnBoth(String gatewayId, int times) {
        for (int i = 0; i < times; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed(T, gatewayId, "10.0.0.1");
        }
    }

    private static int storedFailures(String scope, String key) {
        try (Connection c = owner(); var s = c.prepareStatement("SELECT failures FROM attempt_failure WHERE scope = ? AND key = ?")) {
            s.setString(1, scope);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rows() {
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM attempt_failure")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword());
    }

    private static PGSimpleDataSource login() {
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(db.url());
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
        return login;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
