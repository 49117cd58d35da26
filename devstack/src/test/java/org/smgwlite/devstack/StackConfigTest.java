package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void withoutSettingsEverythingIsLocalAndDemoDataIsOn() {
        StackConfig config = StackConfig.resolve(List.of(), Map.of(), REPO);

        assertThat(config.ear()).isEqualTo(Path.of("/repo/platform-ear/ear/target/smgw-platform.ear"));
        assertThat(config.externalDbUrl()).isEmpty();
        assertThat(config.externalOidcProvider()).isEmpty();
        assertThat(config.platformEnvironment()).isEqualTo(Map.of(
                "SMGW_DB_URL", "jdbc:postgresql://localhost:54329/smgw",
                "SMGW_DB_USER", "smgw_app",
                "SMGW_DB_PASSWORD", "smgw_app",
                "SMGW_DB_MIGRATION_USER", "smgw_owner",
                "SMGW_DB_MIGRATION_PASSWORD", "smgw_owner",
                "SMGW_OIDC_PROVIDER_URI", "http://localhost:8180/realms/smgw",
                "SMGW_OIDC_CLIENT_ID", "smgw-platform",
                "SMGW_OIDC_CLIENT_SECRET", "smgw-dev-secret",
                "SMGW_DEMO_DATA", "true",
                "SMGW_MODE", "development"));
    }

    @Test
    void environmentSelectsExternalDatabaseAndKeycloak() {
        StackConfig config = StackConfig.resolve(List.of(), Map.of(
                "SMGW_DB_URL", "jdbc:postgresql://db.example:5432/metering",
                "SMGW_DB_USER", "smgw",
                "SMGW_DB_PASSWORD", "s3cret",
                "SMGW_DB_MIGRATION_USER", "smgw_owner",
                "SMGW_DB_MIGRATION_PASSWORD", "0wner",
                "SMGW_OIDC_PROVIDER_URI", "https://sso.example/realms/smgw",
                "SMGW_OIDC_CLIENT_SECRET", "prod-secret",
                "SMGW_DEMO_DATA", "false"), REPO);

        assertThat(config.externalDbUrl()).contains("jdbc:postgresql://db.example:5432/metering");
        assertThat(config.externalOidcProvider()).contains(URI.create("https://sso.example/realms/smgw"));
        assertThat(config.platformEnvironment())
                .containsEntry("SMGW_DB_USER", "smgw")
                .containsEntry("SMGW_DB_PASSWORD", "s3cret")
                .containsEntry("SMGW_DB_MIGRATION_USER", "smgw_owner")
                .containsEntry("SMGW_DB_MIGRATION_PASSWORD", "0wner")
                .containsEntry("SMGW_OIDC_PROVIDER_URI", "https://sso.example/realms/smgw")
                .containsEntry("SMGW_OIDC_CLIENT_SECRET", "prod-secret")
                .containsEntry("SMGW_DEMO_DATA", "false");
    }

    @Test
    void commandLineWinsOverEnvironment() {
        StackConfig config = StackConfig.resolve(
                List.of("--db-url", "jdbc:postgresql://localhost:5432/test", "--db-user", "me", "--db-migration-user", "owner",
                        "--no-demo-data", "/tmp/x.ear"),
                Map.of("SMGW_DB_URL", "jdbc:postgresql://elsewhere/smgw", "SMGW_DB_USER", "other"), REPO);

        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://localhost:5432/test");
        assertThat(config.dbRoles().login()).isEqualTo("me");
        assertThat(config.dbRoles().owner()).isEqualTo("owner");
        assertThat(config.demoData()).isFalse();
        assertThat(config.ear()).isEqualTo(Path.of("/tmp/x.ear"));
    }

    @Test
    void embeddedDatabaseKeepsItsOwnRolesWhateverTheEnvironmentSays() {
        StackConfig config = StackConfig.resolve(List.of(), Map.of("SMGW_DB_USER", "smgw", "SMGW_DB_PASSWORD", "x",
                "SMGW_DB_MIGRATION_USER", "postgres"), REPO);

        assertThat(config.dbRoles()).isEqualTo(DatabaseRoles.EMBEDDED);
    }

    @Test
    void externalDatabaseNeedsBothRolesAndTwoDifferentOnes() {
        assertThatThrownBy(() -> StackConfig.resolve(List.of("--db-url", "jdbc:postgresql://db/smgw", "--db-user", "app"), Map.of(), REPO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--db-migration-user");
        assertThatThrownBy(() -> StackConfig.resolve(List.of("--db-url", "jdbc:postgresql://db/smgw", "--db-user", "smgw",
                "--db-migration-user", "smgw"), Map.of(), REPO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be the owner role");
    }

    @Test
    void blankEnvironmentValueCountsAsUnset() {
        assertThat(StackConfig.resolve(List.of(), Map.of("SMGW_DB_URL", " "), REPO).externalDbUrl()).isEmpty();
    }

    @Test
    void relativeEarIsTakenFromTheRepository() {
        assertThat(StackConfig.resolve(List.of("build/my.ear"), Map.of(), REPO).ear()).isEqualTo(Path.of("/repo/build/my.ear"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> StackConfig.resolve(List.of("--db-url"), Map.of(), REPO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--db-url needs a value");
        assertThatThrownBy(() -> StackConfig.resolve(List.of("--port", "1"), Map.of(), REPO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --port");
        assertThatThrownBy(() -> StackConfig.resolve(List.of("a.ear", "b.ear"), Map.of(), REPO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one EAR");
    }

    @Test
    void nodesSelectTheClusteredModeAndABadCountIsNamed() {
        assertThat(StackConfig.resolve(List.of(), Map.of(), REPO).clustered()).isFalse();
        StackConfig two = StackConfig.resolve(List.of("--nodes", "2"), Map.of(), REPO);
        assertThat(two.nodes()).isEqualTo(2);
        assertThat(two.clustered()).isTrue();

        assertThatThrownBy(() -> StackConfig.resolve(List.of("--nodes", "9"), Map.of(), REPO))
                .hasMessage("--nodes needs a number from 1 to 4, got 9");
        assertThatThrownBy(() -> StackConfig.resolve(List.of("--nodes", "two"), Map.of(), REPO))
                .hasMessage("--nodes needs a number from 1 to 4, got two");
        assertThatThrownBy(() -> StackConfig.resolve(List.of("--nodes"), Map.of(), REPO))
                .hasMessage("--nodes needs a value");
    }
}
