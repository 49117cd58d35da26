package org.smgwlite.platform.infra;

/**
 * The names of the database settings (MicroProfile Config; as environment variables {@code SMGW_DB_URL}, ...),
 * so that an error message names the one to fix.
 */
public final class DatabaseSettings {

    public static final String URL = "smgw.db.url";
    /** The platform's login role: owns nothing, is no superuser, cannot switch roles. */
    public static final String USER = "smgw.db.user";
    public static final String PASSWORD = "smgw.db.password";
    /** The role that owns the schema; only the migration at deploy connects as it. */
    public static final String MIGRATION_USER = "smgw.db.migration-user";
    public static final String MIGRATION_PASSWORD = "smgw.db.migration-password";

    private DatabaseSettings() {
    }
}
