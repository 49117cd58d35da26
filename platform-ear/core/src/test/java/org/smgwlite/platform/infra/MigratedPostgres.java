package org.smgwlite.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;

/**
 * An embedded PostgreSQL of a test's own (random port) set up as the run command's: the two roles of {@code roles.sql},
 * a database {@code smgw} and the schema migrated by the owner role ({@link SchemaMigration}), grants to the login role.
 */
public record MigratedPostgres(EmbeddedPostgres embedded, String url) implements AutoCloseable {

    public static MigratedPostgres start(DatabaseRoles roles) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            roles.create(c);
            roles.createDatabase(c, "smgw", () -> postgres.getDatabase("postgres", "smgw").getConnection());
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/smgw";
        new SchemaMigration(url, roles.owner(), roles.ownerPassword(), roles.login()).migrate();
        return new MigratedPostgres(postgres, url);
    }

    /** A data source connecting as {@code user}, e.g. the login role, each connection autocommit as the driver's. */
    public PGSimpleDataSource as(String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    @Override
    public void close() throws Exception {
        embedded.close();
    }
}
