package org.smgwlite.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform's database: an external PostgreSQL when a JDBC URL is given, else an embedded PostgreSQL 15
 * (zonky binaries, no install needed) on port {@value #EMBEDDED_PORT} whose data folder is kept between runs.
 * Either way the platform migrates as the owner role and connects as the login role ({@link DatabaseRoles}); the
 * embedded server gets both roles of {@link DatabaseRoles#EMBEDDED} and a database owned by the owner role.
 *
 * <p>The embedded server can be stopped and started again on its data folder and port while the platform runs
 * ({@link #stop()}, {@link #start()}): what an outage test needs to show that the platform answers 503 meanwhile
 * and uses the restarted server without a restart of its own.
 */
public final class Postgres implements AutoCloseable {

    public static final int EMBEDDED_PORT = 54329;
    public static final String DATABASE = "smgw";
    /**
     * The embedded server's superuser: sets up the roles here, and tests and tools that set up data past the
     * platform connect as it (the server trusts local connections; any password does).
     */
    public static final String EMBEDDED_SUPERUSER = "postgres";
    static final String LOG = "postgres.log";

    private final String jdbcUrl;
    /** The run folder of the embedded server; null for an external database. */
    private final RunLayout layout;
    /** The running embedded server; null for an external database, and while {@link #stop() stopped}. */
    private EmbeddedPostgres embedded;

    private Postgres(String jdbcUrl, RunLayout layout, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.layout = layout;
        this.embedded = embedded;
    }

    public static String embeddedJdbcUrl() {
        return "jdbc:postgresql://localhost:" + EMBEDDED_PORT + "/" + DATABASE;
    }

    /**
     * Checks that the external database answers to both roles, so that a wrong URL or account fails here and not
     * inside Payara.
     */
    public static Postgres external(String jdbcUrl, DatabaseRoles roles) {
        connect(jdbcUrl, roles.owner(), roles.ownerPassword());
        connect(jdbcUrl, roles.login(), roles.loginPassword());
        return new Postgres(jdbcUrl, null, null);
    }

    private static void connect(String jdbcUrl, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            // answers
        } catch (SQLException e) {
            throw new StartupException("PostgreSQL", "cannot connect to " + jdbcUrl + " as " + user + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Starts the embedded server on its data folder (created by initdb on the first run), creates the roles of
     * {@link DatabaseRoles#EMBEDDED} and the database owned by its owner role (a database from before the role
     * split is handed over to it).
     */
    public static Postgres embedded(RunLayout layout) {
        return new Postgres(embeddedJdbcUrl(), layout, startEmbedded(layout));
    }

    private static EmbeddedPostgres startEmbedded(RunLayout layout) {
        Path log = layout.log(LOG);
        Processes.requireFree(EMBEDDED_PORT, "PostgreSQL", "an embedded PostgreSQL left running? its data is in " + layout.postgresData());
        Logger.getLogger("io.zonky").setLevel(Level.WARNING);
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(layout.postgresData())
                    .setCleanDataDirectory(false)
                    .setPort(EMBEDDED_PORT)
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupException("PostgreSQL", "embedded server did not start: " + e.getMessage(), log, e);
        }
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            DatabaseRoles.EMBEDDED.create(c);
            DatabaseRoles.EMBEDDED.createDatabase(c, DATABASE, () -> server.getDatabase(EMBEDDED_SUPERUSER, DATABASE).getConnection());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(server);
            throw new StartupException("PostgreSQL", "cannot set up database " + DATABASE + " and its roles: " + e.getMessage(), log, e);
        }
        return server;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public boolean isEmbedded() {
        return layout != null;
    }

    /**
     * Stops the embedded server as {@code pg_ctl stop -m fast} does: open sessions are ended (SQLState 57P01), new
     * connections are refused, the data folder is kept. Nothing happens if it is stopped already.
     *
     * @throws IllegalStateException for an external database, which is not ours to stop
     */
    public synchronized void stop() {
        requireEmbedded();
        if (embedded != null) {
            closeQuietly(embedded);
            embedded = null;
        }
    }

    /**
     * Starts the embedded server again after {@link #stop()}, on the same data folder and port; returns when it accepts
     * connections. Nothing happens if it is running.
     */
    public synchronized void start() {
        requireEmbedded();
        if (embedded == null) {
            embedded = startEmbedded(layout);
        }
    }

    private void requireEmbedded() {
        if (layout == null) {
            throw new IllegalStateException("the external database " + jdbcUrl + " is not stopped or started from here");
        }
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            closeQuietly(embedded);
            embedded = null;
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
