package org.smgwlite.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The platform's two database roles and their database, set up by a superuser: {@code owner} owns the schema and
 * runs the migrations, {@code login} is what the platform connects as and owns nothing. The roles come from
 * {@code db-migrations}' {@code db/setup/roles.sql}, the same file a DBA follows for an external database.
 */
public record DatabaseRoles(String owner, String ownerPassword, String login, String loginPassword) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The run command's and the integration tests' embedded PostgreSQL (which trusts local connections). */
    public static final DatabaseRoles EMBEDDED = new DatabaseRoles("smgw_owner", "smgw_owner", "smgw_app", "smgw_app");
    private static final String ROLES_SQL = "/db/setup/roles.sql";

    /** Every object in schema public not yet the owner's becomes the owner's (a database from before the split). */
    private static final String HAND_OVER_SQL = """
            DO $$
            DECLARE
                r record;
            BEGIN
                FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                            AND c.relowner <> '${owner}'::regrole
                            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                            AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S') LOOP
                    EXECUTE format('ALTER %s %s OWNER TO ${owner}', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.name);
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                          WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${owner}'::regrole LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO ${owner}', r.name);
                END LOOP;
            END
            $$""";

    public DatabaseRoles {
        for (String name : new String[] {owner, login}) {
            if (name == null || !PLAIN_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a plain PostgreSQL role name (a-z, 0-9, _)");
            }
        }
        if (owner.equals(login)) {
            throw new IllegalArgumentException("the login role must not be the owner role " + owner);
        }
    }

    /** Creates both roles where missing ({@code roles.sql}); {@code superuser} is connected to any database. */
    public void create(Connection superuser) throws SQLException {
        if (ownerPassword.contains("'") || loginPassword.contains("'")) {
            throw new IllegalArgumentException("a role password for roles.sql must not contain a single quote");
        }
        try (Statement s = superuser.createStatement()) {
            s.execute(fill(rolesSql()));
        }
    }

    /**
     * Creates database {@code name} owned by the owner role, or hands an existing one and its schema objects over
     * to it. {@code superuser} is connected to another database; {@code superuserOnDatabase} opens one to {@code name}.
     */
    public void createDatabase(Connection superuser, String name, ConnectionOpener superuserOnDatabase) throws SQLException {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain database name");
        }
        boolean exists;
        try (PreparedStatement ps = superuser.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement s = superuser.createStatement()) {
            s.execute(exists ? "ALTER DATABASE " + name + " OWNER TO " + owner : "CREATE DATABASE " + name + " OWNER " + owner);
        }
        if (exists) {
            try (Connection c = superuserOnDatabase.open(); Statement s = c.createStatement()) {
                s.execute(fill(HAND_OVER_SQL));
            }
        }
    }

    /** Opens a superuser connection to the platform's database. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private String fill(String sql) {
        return sql.replace("${owner_password}", ownerPassword).replace("${login_password}", loginPassword)
                .replace("${owner}", owner).replace("${login}", login);
    }

    private static String rolesSql() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream(ROLES_SQL)) {
            if (in == null) {
                throw new IllegalStateException(ROLES_SQL + " not on the class path (module db-migrations)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
