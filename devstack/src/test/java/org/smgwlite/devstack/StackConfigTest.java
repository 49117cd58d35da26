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
                "SMGW_DB_USER", "postgres",
                "SMGW_DB_PASSWORD", "postgres",
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
                "SMGW_OIDC_PROVIDER_URI", "https://sso.example/realms/smgw",
                "SMGW_OIDC_CLIENT_SECRET", "prod-secret",
                "SMGW_DEMO_DATA", "false"), REPO);

        assertThat(config.externalDbUrl()).contains("jdbc:postgresql://db.example:5432/metering");
        assertThat(config.externalOidcProvider()).contains(URI.create("https://sso.example/realms/smgw"));
        assertThat(config.platformEnvironment())
                .containsEntry("SMGW_DB_USER", "smgw")
                .containsEntry("SMGW_DB_PASSWORD", "s3cret")
                .containsEntry("SMGW_OIDC_PROVIDER_URI", "https://sso.example/realms/smgw")
                .containsEntry("SMGW_OIDC_CLIENT_SECRET", "prod-secret")
                .containsEntry("SMGW_DEMO_DATA", "false");
    }

    @Test
    void commandLineWinsOverEnvironment() {
        StackConfig config = StackConfig.resolve(
                List.of("--db-url", "jdbc:postgresql://localhost:5432/test", "--db-user", "me", "--no-demo-data", "/tmp/x.ear"),
                Map.of("SMGW_DB_URL", "jdbc:postgresql://elsewhere/smgw", "SMGW_DB_USER", "other"), REPO);

        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://localhost:5432/test");
        assertThat(config.dbUser()).isEqualTo("me");
        assertThat(config.demoData()).isFalse();
        assertThat(config.ear()).isEqualTo(Path.of("/tmp/x.ear"));
    }

    @Test
    void embeddedDatabaseKeepsItsOwnAccountWhateverTheEnvironmentSays() {
        StackConfig config = StackConfig.resolve(List.of(), Map.of("SMGW_DB_USER", "smgw", "SMGW_DB_PASSWORD", "x"), REPO);

        assertThat(config.dbUser()).isEqualTo(Postgres.EMBEDDED_USER);
        assertThat(config.dbPassword()).isEqualTo(Postgres.EMBEDDED_PASSWORD);
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
}
