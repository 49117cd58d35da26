package org.smgwlite.platform.infra;

import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the Flyway migrations of {@code db-migrations} as the role that owns the schema, never as the platform's
 * login role: the migrations create and alter tables, and V10 grants the login role (Flyway placeholder
 * {@value #LOGIN_ROLE_PLACEHOLDER}) only what it needs. Plain Java, so that a test migrates exactly as a deploy does.
 */
public final class SchemaMigration {

    /** The placeholder in the migrations that names the platform's login role ({@code smgw.db.user}). */
    public static final String LOGIN_ROLE_PLACEHOLDER = "login_role";

    private static final Pattern PLAIN_ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String url;
    private final String owner;
    private final String ownerPassword;
    private final String loginRole;

    /**
     * @param loginRole the platform's login role; a plain lower-case name, since the migrations write it into
     *                  GRANT statements as it is
     * @throws IllegalArgumentException naming the setting when a role is missing, not a plain name, or both are one
     */
    public SchemaMigration(String url, String owner, String ownerPassword, String loginRole) {
        requirePlainName(DatabaseSettings.USER, loginRole);
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException(DatabaseSettings.MIGRATION_USER + " is not set: the schema is migrated by the role"
                    + " that owns it, while the platform connects as " + DatabaseSettings.USER + ", which owns nothing");
        }
        if (owner.equals(loginRole)) {
            throw new IllegalArgumentException(DatabaseSettings.MIGRATION_USER + " and " + DatabaseSettings.USER + " are both '"
                    + owner + "': the platform's login role must not be the role that owns the schema");
        }
        this.url = url;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
        this.loginRole = loginRole;
    }

    public MigrateResult migrate() {
        PGSimpleDataSource ownerConnections = new PGSimpleDataSource();
        ownerConnections.setURL(url);
        ownerConnections.setUser(owner);
        ownerConnections.setPassword(ownerPassword);
        ownerConnections.setApplicationName("smgw-migration");
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(ownerConnections)
                .locations("classpath:db/migration")
                .placeholders(Map.of(LOGIN_ROLE_PLACEHOLDER, loginRole))
                .load()
                .migrate();
    }

    private static void requirePlainName(String setting, String role) {
        if (role == null || !PLAIN_ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException(setting + " '" + role + "' is not a plain PostgreSQL role name"
                    + " (lower-case letters, digits and _, at most 63)");
        }
    }
}
