package org.smgwlite.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One node's ear for {@link ClusterChannel}s: {@code LISTEN}s on a connection of its own and hands each committed
 * signal to its {@link Receiver}, on the thread that runs it, until {@link #stop}. A lost connection (database
 * restarted, backend terminated, network cut) is opened again after a pause that doubles up to {@link #MAX_PAUSE};
 * once it listens again the receiver is told to {@link Receiver#resync resync}, since signals sent meanwhile are lost
 * (also when the database was not there at the node's start: the node may have cached and queued meanwhile).
 * An idle connection is checked every {@link #PING_EVERY}, so a connection that died silently is noticed too.
 * Plain Java (no container), so that tests run two "nodes" on one database.
 */
public final class SignalListener implements Runnable {

    /** Opens the listening connection (not one of a pool: it is held for as long as the node runs). */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    /** What a node does with signals. Called on the listener's thread; a failure is logged and the next signal served. */
    public interface Receiver {
        void signal(ClusterChannel channel, String payload);

        /** Signals may have been missed: drop what they keep current, wake what they would wake. */
        void resync(int connection);
    }

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    static final Duration PING_EVERY = Duration.ofSeconds(20);
    private static final int WAIT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(SignalListener.class.getName());

    private final Connector connector;
    private final Receiver receiver;
    private final Object state = new Object();
    private volatile boolean stopped;
    private int connections;
    private boolean listening;

    public SignalListener(Connector connector, Receiver receiver) {
        this.connector = connector;
        this.receiver = receiver;
    }

    @Override
    public void run() {
        Duration pause = FIRST_PAUSE;
        boolean missed = false; // a connection was lost or could not be opened: signals may be gone
        while (!stopped) {
            try (Connection c = connector.open()) {
                listen(c);
                int number = nextConnection();
                pause = FIRST_PAUSE;
                if (missed) { // after LISTEN, so that nothing falls between the resync and the first signal
                    LOG.info(() -> "cluster signals: listening again (connection " + number + "), resyncing");
                    resync(number);
                    missed = false;
                }
                listening(true);
                serve(c);
            } catch (SQLException | RuntimeException e) {
                if (!missed && !stopped) {
                    LOG.log(Level.WARNING, "cluster signals: not listening, retrying with pauses up to " + MAX_PAUSE.toSeconds() + " s: " + e.getMessage());
                }
                missed = true;
            } finally {
                listening(false);
            }
            if (!stopped) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Ends {@link #run} within a second; a stopped listener is not started again. */
    public void stop() {
        stopped = true;
    }

    /**
     * Waits until the listener listens on its {@code connection}-th connection (1 at the start, 2 after the first
     * reconnect, ...), its resync done; false if it did not within {@code timeout}.
     */
    public boolean awaitListening(int connection, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (!(listening && connections >= connection)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                state.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void listen(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (ClusterChannel channel : ClusterChannel.values()) {
                s.execute("LISTEN " + channel.channelName());
            }
        }
    }

    private void serve(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long idleSince = System.nanoTime();
        while (!stopped) {
            PGNotification[] arrived = pg.getNotifications(WAIT_MILLIS);
            if (arrived != null && arrived.length > 0) {
                for (PGNotification n : arrived) {
                    ClusterChannel.byName(n.getName()).ifPresent(channel -> deliver(channel, n.getParameter()));
                }
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > PING_EVERY.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                idleSince = System.nanoTime();
            }
        }
    }

    private void deliver(ClusterChannel channel, String payload) {
        try {
            receiver.signal(channel, payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster signals: a receiver failed on " + channel.channelName() + " '" + payload + "'", e);
        }
    }

    private void resync(int number) {
        try {
            receiver.resync(number);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster signals: a receiver failed to resync", e);
        }
    }

    private int nextConnection() {
        synchronized (state) {
            return ++connections;
        }
    }

    private void listening(boolean now) {
        synchronized (state) {
            listening = now;
            state.notifyAll();
        }
    }

    /** An interrupt stops the listener (the container ends its thread so). */
    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        }
    }
}
