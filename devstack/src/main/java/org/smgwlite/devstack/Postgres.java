package org.smgwlite.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform's database: an external PostgreSQL when a JDBC URL is given, else an embedded PostgreSQL 15
 * (zonky binaries, no install needed) on port {@value #EMBEDDED_PORT} whose data folder is kept between runs.
 */
public final class Postgres implements AutoCloseable {

    public static final int EMBEDDED_PORT = 54329;
    public static final String DATABASE = "smgw";
    public static final String EMBEDDED_USER = "postgres";
    /** The embedded server trusts local connections; the password is only there for pools that require one. */
    public static final String EMBEDDED_PASSWORD = "postgres";
    static final String LOG = "postgres.log";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Postgres(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static String embeddedJdbcUrl() {
        return "jdbc:postgresql://localhost:" + EMBEDDED_PORT + "/" + DATABASE;
    }

    /** Checks that the external database answers, so that a wrong URL fails here and not inside Payara. */
    public static Postgres external(String jdbcUrl, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            return new Postgres(jdbcUrl, user, password, null);
        } catch (SQLException e) {
            throw new StartupException("PostgreSQL", "cannot connect to " + jdbcUrl + " as " + user + ": " + e.getMessage(), null, e);
        }
    }

    /** Starts the embedded server on its data folder (created by initdb on the first run) and creates the database. */
    public static Postgres embedded(RunLayout layout) {
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
        try {
            createDatabaseIfMissing(server);
        } catch (SQLException e) {
            closeQuietly(server);
            throw new StartupException("PostgreSQL", "cannot create database " + DATABASE + ": " + e.getMessage(), log, e);
        }
        return new Postgres(embeddedJdbcUrl(), EMBEDDED_USER, EMBEDDED_PASSWORD, server);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            closeQuietly(embedded);
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
