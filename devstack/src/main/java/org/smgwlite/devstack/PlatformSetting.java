package org.smgwlite.devstack;

/**
 * The settings the platform reads through MicroProfile Config, and the environment variable that sets each.
 *
 * <p>This enum is the one place that names them. The environment name is derived from the config key
 * by MicroProfile Config's own rule (every character that is not a letter or digit becomes {@code _},
 * then upper case), so the platform's {@code @ConfigProperty(name = "smgw.db.url")} finds
 * {@code SMGW_DB_URL} without any mapping of its own.
 */
public enum PlatformSetting {
    DB_URL("smgw.db.url"),
    /** The platform's login role: owns nothing, no superuser, cannot switch roles. */
    DB_USER("smgw.db.user"),
    DB_PASSWORD("smgw.db.password"),
    /** The role that owns the schema; the platform connects as it only to migrate at deploy. */
    DB_MIGRATION_USER("smgw.db.migration-user"),
    DB_MIGRATION_PASSWORD("smgw.db.migration-password"),
    OIDC_PROVIDER_URI("smgw.oidc.provider-uri"),
    OIDC_CLIENT_ID("smgw.oidc.client-id"),
    OIDC_CLIENT_SECRET("smgw.oidc.client-secret"),
    /** {@code true}: the platform seeds demo tenants, gateways and readings on start. */
    DEMO_DATA("smgw.demo-data"),
    /**
     * {@code development}: the platform starts on the development secrets and root (with a warning naming each);
     * its default {@code production} refuses them.
     */
    MODE("smgw.mode");

    /** The run command's mode: it runs on the demo realm's published secret and the development PKI values. */
    public static final String DEVELOPMENT_MODE = "development";

    private final String configKey;

    PlatformSetting(String configKey) {
        this.configKey = configKey;
    }

    public String configKey() {
        return configKey;
    }

    public String envName() {
        return configKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
