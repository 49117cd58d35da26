package org.smgwlite.platform.it;

import java.nio.file.Path;
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
 */
public class ItServices implements LauncherSessionListener {

    /** The session's database server, for tests that stop and start it; null outside a failsafe run. */
    private static volatile Postgres postgres;
    private KeycloakServer keycloak;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("smgw.it.ear") == null) {
            return;
        }
        // The device port's server library (Bouncy Castle TLS, the device virtual server's valve) must be in the
        // domain before Arquillian starts it.
        DevicePort.installLibrary(Path.of(System.getProperty("payara.home")));
        RunLayout layout = RunLayout.locate();
        postgres = Postgres.embedded(layout);
        try {
            keycloak = KeycloakServer.start(layout);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The embedded PostgreSQL the platform under test uses. */
    static Postgres database() {
        Postgres running = postgres;
        if (running == null) {
            throw new IllegalStateException("no database of the test session: run as an integration test (failsafe)");
        }
        return running;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
