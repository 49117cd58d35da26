package org.smgwlite.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to start, resolved from the command line first, then the environment ({@link PlatformSetting} names),
 * then defaults. An external database or Keycloak given here is used as it is and not started.
 */
public record StackConfig(
        Path ear,
        Optional<String> externalDbUrl,
        DatabaseRoles dbRoles,
        Optional<URI> externalOidcProvider,
        String clientId,
        String clientSecret,
        boolean demoData,
        URI readinessUrl,
        int nodes) {

    public static final Path DEFAULT_EAR = Path.of("platform-ear", "ear", "target", "smgw-platform.ear");
    public static final URI DEFAULT_READINESS_URL = URI.create("http://localhost:" + PayaraServer.HTTP_PORT + "/health/ready");

    public static final String USAGE = """
            usage: ./run.sh [options] [EAR]
              EAR                       the platform EAR (default platform-ear/ear/target/smgw-platform.ear)
              --db-url URL              use this PostgreSQL (JDBC URL) instead of the embedded one; or SMGW_DB_URL
              --db-user USER            the platform's login role there (owns nothing); or SMGW_DB_USER
              --db-password PASSWORD    its password; or SMGW_DB_PASSWORD
              --db-migration-user USER  the role that owns the schema and migrates it; or SMGW_DB_MIGRATION_USER
              --db-migration-password PASSWORD  its password; or SMGW_DB_MIGRATION_PASSWORD
              --oidc-provider-uri URI   use this Keycloak realm instead of starting one; or SMGW_OIDC_PROVIDER_URI
              --no-demo-data            start without demo data (SMGW_DEMO_DATA=false)
              --ready-url URL           what to poll after deploying (default http://localhost:8080/health/ready)
              --nodes N                 clustered mode: N (2-4) Payara instances of one deployment group behind
                                        HAProxy on the same ports (README "Scaling out"); default 1
              -h, --help                this text
            system property -Dsmgw.devstack.runDir=DIR moves the run folder (default <repo>/.run)""";

    /**
     * @param repoDir a relative EAR path is taken relative to this folder
     * @throws IllegalArgumentException for an unknown option or a missing value, with the reason
     */
    public static StackConfig resolve(List<String> args, Map<String, String> env, Path repoDir) {
        Map<String, String> options = new HashMap<>();
        Path ear = null;
        boolean demoData = !"false".equalsIgnoreCase(env.getOrDefault(PlatformSetting.DEMO_DATA.envName(), "true"));
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.poll();
            switch (arg) {
                case "--db-url", "--db-user", "--db-password", "--db-migration-user", "--db-migration-password",
                     "--oidc-provider-uri", "--ready-url", "--nodes" -> {
                    String value = rest.poll();
                    if (value == null || value.startsWith("--")) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.put(arg, value);
                }
                case "--no-demo-data" -> demoData = false;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (ear != null) {
                        throw new IllegalArgumentException("only one EAR, got " + ear + " and " + arg);
                    }
                    ear = Path.of(arg);
                }
            }
        }
        Path earPath = ear == null ? DEFAULT_EAR : ear;
        int nodes = nodes(options.getOrDefault("--nodes", "1"));
        Optional<String> externalDb = pick(options, "--db-url", env, PlatformSetting.DB_URL);
        return new StackConfig(
                earPath.isAbsolute() ? earPath : repoDir.resolve(earPath).normalize(),
                externalDb,
                // The embedded server has its own fixed roles; users and passwords only apply to an external one.
                externalDb.isPresent() ? externalRoles(options, env) : DatabaseRoles.EMBEDDED,
                pick(options, "--oidc-provider-uri", env, PlatformSetting.OIDC_PROVIDER_URI).map(URI::create),
                Optional.ofNullable(env.get(PlatformSetting.OIDC_CLIENT_ID.envName())).orElse(KeycloakServer.CLIENT_ID),
                Optional.ofNullable(env.get(PlatformSetting.OIDC_CLIENT_SECRET.envName())).orElse(KeycloakServer.DEV_CLIENT_SECRET),
                demoData,
                Optional.ofNullable(options.get("--ready-url")).map(URI::create).orElse(DEFAULT_READINESS_URL),
                nodes);
    }

    private static int nodes(String value) {
        int nodes;
        try {
            nodes = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--nodes needs a number from 1 to " + PayaraCluster.MAX_NODES + ", got " + value);
        }
        if (nodes < 1 || nodes > PayaraCluster.MAX_NODES) {
            throw new IllegalArgumentException("--nodes needs a number from 1 to " + PayaraCluster.MAX_NODES + ", got " + value);
        }
        return nodes;
    }

    public boolean clustered() {
        return nodes > 1;
    }

    private static DatabaseRoles externalRoles(Map<String, String> options, Map<String, String> env) {
        Optional<String> login = pick(options, "--db-user", env, PlatformSetting.DB_USER);
        Optional<String> owner = pick(options, "--db-migration-user", env, PlatformSetting.DB_MIGRATION_USER);
        if (login.isEmpty() || owner.isEmpty()) {
            throw new IllegalArgumentException("an external database needs --db-user and --db-migration-user (or "
                    + PlatformSetting.DB_USER.envName() + " and " + PlatformSetting.DB_MIGRATION_USER.envName()
                    + "): the platform connects as the first, which owns nothing, and migrates as the second, which owns"
                    + " the schema (README \"Database roles\")");
        }
        return new DatabaseRoles(
                owner.get(), pick(options, "--db-migration-password", env, PlatformSetting.DB_MIGRATION_PASSWORD).orElse(""),
                login.get(), pick(options, "--db-password", env, PlatformSetting.DB_PASSWORD).orElse(""));
    }

    private static Optional<String> pick(Map<String, String> options, String option, Map<String, String> env, PlatformSetting setting) {
        return Optional.ofNullable(options.get(option))
                .or(() -> Optional.ofNullable(env.get(setting.envName())))
                .filter(value -> !value.isBlank());
    }

    /** The database the platform will use: the external one, else the embedded one (whose URL is fixed). */
    public String dbUrl() {
        return externalDbUrl.orElseGet(Postgres::embeddedJdbcUrl);
    }

    public URI oidcProviderUri() {
        return externalOidcProvider.orElseGet(() -> KeycloakServer.providerUri(KeycloakServer.PORT));
    }

    /**
     * The platform's settings, keyed by environment variable name, for the Payara process; always development mode,
     * since the run command is for a development machine.
     */
    public Map<String, String> platformEnvironment() {
        Map<PlatformSetting, String> settings = new EnumMap<>(PlatformSetting.class);
        settings.put(PlatformSetting.DB_URL, dbUrl());
        settings.put(PlatformSetting.DB_USER, dbRoles.login());
        settings.put(PlatformSetting.DB_PASSWORD, dbRoles.loginPassword());
        settings.put(PlatformSetting.DB_MIGRATION_USER, dbRoles.owner());
        settings.put(PlatformSetting.DB_MIGRATION_PASSWORD, dbRoles.ownerPassword());
        settings.put(PlatformSetting.OIDC_PROVIDER_URI, oidcProviderUri().toString());
        settings.put(PlatformSetting.OIDC_CLIENT_ID, clientId);
        settings.put(PlatformSetting.OIDC_CLIENT_SECRET, clientSecret);
        settings.put(PlatformSetting.DEMO_DATA, Boolean.toString(demoData));
        settings.put(PlatformSetting.MODE, PlatformSetting.DEVELOPMENT_MODE);
        Map<String, String> env = new HashMap<>();
        settings.forEach((setting, value) -> env.put(setting.envName(), value));
        return Map.copyOf(env);
    }
}
