package org.smgwlite.platform.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.devstack.KeycloakServer;
import org.smgwlite.devstack.Postgres;
import org.smgwlite.devstack.RunLayout;

/**
 * Starts what the platform needs besides Payara, once per integration-test run and before
 * Arquillian starts Payara: an embedded PostgreSQL and Keycloak with the smgw realm, both under
 * {@code target/it-run} (fresh after every clean). The Payara that Arquillian starts gets their
 * addresses from the environment failsafe sets (see this module's pom.xml).
 *
 * <p>Only active where failsafe sets {@code smgw.it.ear}, so that a plain unit-test run of this
 * module starts nothing.
 *
 * <p>The tests run in this JVM (client mode), so an outage test reaches the database server through
 * {@link #database()} and stops and starts it ({@link Postgres#stop()}, {@link Postgres#start()}).
 *
 * <p>In the cluster profile ({@value #CLUSTER_PROPERTY}, {@code mvn verify -P cluster}) the run folder's database and
 * Payara are removed first: the cluster tests start their deployment group on a fresh database (a scheduled job's slot
 * claimed by an earlier run would prove nothing about this one). What they start is closed first at the end
 * ({@link #closeAtEnd}).
 */
public class ItServices implements LauncherSessionListener {

    /** System property set by the cluster profile. */
    public static final String CLUSTER_PROPERTY = "smgw.it.cluster";

    /** The session's database server, for tests that stop and start it; null outside a failsafe run. */
    private static volatile Postgres postgres;
    private KeycloakServer keycloak;
    /** What tests started for the whole session (the cluster), closed before Keycloak and PostgreSQL, last first. */
    private static final Deque<AutoCloseable> AT_END = new ArrayDeque<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("smgw.it.ear") == null) {
            return;
        }
        RunLayout layout = RunLayout.locate();
        if (Boolean.getBoolean(CLUSTER_PROPERTY)) {
            // the cluster's Payara is unpacked again into the run folder and gets the library when it starts
            deleteTree(layout.runDir().resolve("data"));
            deleteTree(layout.runDir().resolve("logs")); // ClusterJobsCheck reads the nodes' logs of this run only
            deleteTree(layout.runDir().resolve("payara6"));
        } else {
            // The device port's server library (Bouncy Castle TLS, the device virtual server's valve) must be in the
            // domain before Arquillian starts it.
            DevicePort.installLibrary(Path.of(System.getProperty("payara.home")));
        }
        postgres = Postgres.embedded(layout);
        try {
            keycloak = KeycloakServer.start(layout);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The embedded PostgreSQL the platform under test uses. */
    public static Postgres database() {
        Postgres running = postgres;
        if (running == null) {
            throw new IllegalStateException("no database of the test session: run as an integration test (failsafe)");
        }
        return running;
    }

    /** Closes {@code resource} when the test session ends, before Keycloak and PostgreSQL stop. */
    public static void closeAtEnd(AutoCloseable resource) {
        synchronized (AT_END) {
            AT_END.push(resource);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + " for a fresh cluster run", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (AT_END) {
            while (!AT_END.isEmpty()) {
                try {
                    AT_END.pop().close();
                } catch (Exception e) {
                    System.err.println("ItServices: did not stop cleanly: " + e.getMessage());
                }
            }
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
