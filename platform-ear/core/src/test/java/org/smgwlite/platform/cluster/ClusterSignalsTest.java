package org.smgwlite.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.taf6.Taf6Queued;
import org.smgwlite.platform.metering.taf6.WaitingPolls;

/**
 * Two or three "nodes" on one embedded PostgreSQL, each a {@link SignalListener} with the long polls waiting on it
 * ({@link WaitingPolls}, as {@code Taf6Waiters} keeps them): a signal committed with a change on one node wakes a poll
 * waiting on another, which then finds the change; a rolled-back one wakes nobody; a listener whose connection is
 * terminated reconnects, wakes all its waiters (signals may have been missed) and delivers again. The listeners log in
 * as a role with no rights on any table: {@code LISTEN} needs none.
 */
class ClusterSignalsTest {

    private static final TenantId TENANT = new TenantId("tenant-a");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static EmbeddedPostgres postgres;
    private static String url;

    private final List<Node> nodes = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE signals_login LOGIN PASSWORD 'pw'");
            s.execute("CREATE TABLE queued_request (gateway_id text NOT NULL)");
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Node n : nodes) {
            n.listener.stop();
        }
        for (Node n : nodes) {
            n.thread.join(5000);
        }
    }

    @Test
    void aSignalCommittedOnOneNodeWakesAWaiterOnTheOtherThatThenFindsTheChange() throws Exception {
        Node a = node("node-a");
        Node b = node("node-b");
        CountDownLatch wokenOnB = new CountDownLatch(1);
        CountDownLatch wokenOnA = new CountDownLatch(1);
        AtomicLong seenOnB = new AtomicLong(-1);
        AtomicLong wokenAt = new AtomicLong();
        b.polls.register(queued("gw-1"), () -> {
            wokenAt.set(System.nanoTime());
            seenOnB.set(queuedRows("gw-1"));
            wokenOnB.countDown();
        });
        a.polls.register(queued("gw-1"), wokenOnA::countDown);

        long committedAt;
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO queued_request VALUES ('gw-1')");
            }
            SignalSender.send(c, ClusterChannel.TAF6_QUEUED, queued("gw-1").payload());
            assertThat(wokenOnB.await(300, TimeUnit.MILLISECONDS)).as("woken before the commit").isFalse();
            c.commit();
            committedAt = System.nanoTime();
        }

        assertThat(wokenOnB.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("poll on the other node woken").isTrue();
        assertThat(seenOnB.get()).as("the woken poll finds the queued request").isEqualTo(1);
        assertThat(wokenOnA.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("poll on the sending node woken").isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(wokenAt.get() - committedAt);
        System.out.println("cross-node wake-up " + millis + " ms after the commit");
        assertThat(millis).as("ms from commit to wake-up on the other node").isLessThan(1000);
        assertThat(b.polls.size()).isZero();
    }

    @Test
    void aRolledBackSignalWakesNobody() throws Exception {
        Node a = node("node-a");
        Node b = node("node-b");
        CountDownLatch rolledBack = new CountDownLatch(1);
        CountDownLatch marker = new CountDownLatch(1);
        b.polls.register(queued("gw-rolled-back"), rolledBack::countDown);
        a.polls.register(queued("gw-rolled-back"), rolledBack::countDown);
        b.polls.register(queued("gw-marker"), marker::countDown);

        try (Connection c = owner()) {
            c.setAutoCommit(false);
            SignalSender.send(c, ClusterChannel.TAF6_QUEUED, queued("gw-rolled-back").payload());
            c.rollback();
            SignalSender.send(c, ClusterChannel.TAF6_QUEUED, queued("gw-marker").payload());
            c.commit();
        }

        // signals arrive in commit order: once the later one is here, the rolled-back one would have been too
        assertThat(marker.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("committed marker delivered").isTrue();
        assertThat(rolledBack.getCount()).as("waiters of the rolled-back request still waiting").isEqualTo(1);
        assertThat(b.polls.size()).isEqualTo(1);
        assertThat(a.polls.size()).isEqualTo(1);
        assertThat(a.resyncs).isEmpty();
    }

    @Test
    void aListenerWhoseConnectionIsTerminatedReconnectsWakesAllAndDeliversAgain() throws Exception {
        node("node-a");
        Node c = node("node-c");
        CountDownLatch wokenByResync = new CountDownLatch(1);
        c.polls.register(queued("gw-waiting"), wokenByResync::countDown);

        try (Connection admin = owner(); Statement s = admin.createStatement();
             ResultSet killed = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE application_name = 'node-c'")) {
            killed.next();
            assertThat(killed.getInt(1)).as("listening backends of node-c terminated").isEqualTo(1);
        }

        assertThat(c.listener.awaitListening(2, PATIENCE)).as("node-c listens again").isTrue();
        assertThat(wokenByResync.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("waiter woken by the resync").isTrue();
        assertThat(c.resyncs).containsExactly(2);

        CountDownLatch wokenAfter = new CountDownLatch(1);
        c.polls.register(queued("gw-after"), wokenAfter::countDown);
        try (Connection sender = owner()) {
            SignalSender.send(sender, ClusterChannel.TAF6_QUEUED, queued("gw-after").payload());
        }
        assertThat(wokenAfter.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("signal delivered after the reconnect").isTrue();
    }

    @Test
    void aNodeThatCouldNotReachTheDatabaseAtFirstResyncsOnceItListens() throws Exception {
        AtomicLong attempts = new AtomicLong();
        Node late = node("node-late", () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new SQLException("connection refused (database not up yet)");
            }
            return login("node-late");
        });

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(late.resyncs).containsExactly(1);
    }

    @Test
    void aPayloadPostgresqlWouldRefuseIsRefusedNamingTheChannel() {
        assertThatThrownBy(() -> SignalSender.send(null, ClusterChannel.REVOCATION, "x".repeat(8000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smgw_revocation").hasMessageContaining("8000 bytes");
    }

    /** A node: a listener on its own thread, logged in as the role without rights, waking its polls at once. */
    private Node node(String name) throws InterruptedException {
        return node(name, () -> login(name));
    }

    private Node node(String name, SignalListener.Connector connector) throws InterruptedException {
        WaitingPolls polls = new WaitingPolls(Runnable::run);
        List<Integer> resyncs = new CopyOnWriteArrayList<>();
        SignalListener listener = new SignalListener(connector,
                new SignalListener.Receiver() {
                    @Override
                    public void signal(ClusterChannel channel, String payload) {
                        if (channel == ClusterChannel.TAF6_QUEUED) {
                            polls.wake(Taf6Queued.ofPayload(payload));
                        }
                    }

                    @Override
                    public void resync(int connection) {
                        resyncs.add(connection);
                        polls.wakeAll();
                    }
                });
        Thread thread = new Thread(listener, name);
        thread.setDaemon(true);
        thread.start();
        assertThat(listener.awaitListening(1, PATIENCE)).as(name + " listens").isTrue();
        Node node = new Node(listener, polls, resyncs, thread);
        nodes.add(node);
        return node;
    }

    private record Node(SignalListener listener, WaitingPolls polls, List<Integer> resyncs, Thread thread) {
    }

    private static Taf6Queued queued(String gatewayId) {
        return new Taf6Queued(TENANT, gatewayId);
    }

    private static long queuedRows(String gatewayId) {
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM queued_request WHERE gateway_id = '" + gatewayId + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection login(String applicationName) throws SQLException {
        return DriverManager.getConnection(url + "?ApplicationName=" + applicationName, "signals_login", "pw");
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
