package org.smgwlite.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.platform.certificate.PlatformRoot;

/** Each development value is found by name; production settings have none. */
class DevelopmentValuesTest {

    private static final DevelopmentValues.Settings PRODUCTION = new DevelopmentValues.Settings(
            "generated-by-keycloak-0123456789", "a-real-secret-of-some-length", "a-real-pepper-of-at-least-32-characters", false, false);

    @Test
    void configured_values_and_an_imported_root_are_no_problem() {
        assertThat(DevelopmentValues.inUse(PRODUCTION)).isEmpty();
    }

    @Test
    void the_development_oidc_client_secret_is_named() {
        assertThat(DevelopmentValues.inUse(new DevelopmentValues.Settings(
                "smgw-dev-secret", PRODUCTION.pkiSecret(), PRODUCTION.pkiPepper(), false, false)))
                .containsExactly(DevelopmentValue.OIDC_CLIENT_SECRET);
    }

    @Test
    void the_development_pki_key_password_is_named() {
        assertThat(DevelopmentValues.inUse(new DevelopmentValues.Settings(
                PRODUCTION.oidcClientSecret(), DevelopmentValue.DEV_PKI_SECRET, PRODUCTION.pkiPepper(), false, false)))
                .containsExactly(DevelopmentValue.PKI_SECRET);
    }

    @Test
    void the_development_pepper_is_named() {
        assertThat(DevelopmentValues.inUse(new DevelopmentValues.Settings(
                PRODUCTION.oidcClientSecret(), PRODUCTION.pkiSecret(), DevelopmentValue.DEV_PKI_PEPPER, false, false)))
                .containsExactly(DevelopmentValue.PKI_PEPPER);
    }

    @Test
    void the_development_root_is_named() {
        assertThat(DevelopmentValues.inUse(new DevelopmentValues.Settings(
                PRODUCTION.oidcClientSecret(), PRODUCTION.pkiSecret(), PRODUCTION.pkiPepper(), true, false)))
                .containsExactly(DevelopmentValue.DEVELOPMENT_ROOT_CA);
    }

    @Test
    void plain_http_enrollment_is_named() {
        assertThat(DevelopmentValues.inUse(new DevelopmentValues.Settings(
                PRODUCTION.oidcClientSecret(), PRODUCTION.pkiSecret(), PRODUCTION.pkiPepper(), false, true)))
                .containsExactly(DevelopmentValue.PLAIN_HTTP_ENROLLMENT);
    }

    @Test
    void the_production_refusal_lists_each_value_by_setting_the_development_warning_too() {
        DevelopmentValues.Settings all = new DevelopmentValues.Settings(DevelopmentValue.DEV_OIDC_CLIENT_SECRET,
                DevelopmentValue.DEV_PKI_SECRET, DevelopmentValue.DEV_PKI_PEPPER, true, true);

        String refusal = DevelopmentValues.message(DeploymentMode.PRODUCTION, DevelopmentValues.inUse(all));
        assertThat(refusal).startsWith("production mode (smgw.mode=production) refuses to start: 5 development value(s)")
                .contains("smgw.oidc.client-secret: the development OIDC client secret", "smgw.pki.secret: the development PKI key password",
                        "smgw.pki.pepper: the development enrollment-code pepper", "smgw.pki.dir: a development root CA",
                        "smgw.development.plain-http-enrollment: enrollment over plain HTTP",
                        "pki/pki init-root")
                .doesNotContain(DevelopmentValue.DEV_PKI_SECRET, DevelopmentValue.DEV_PKI_PEPPER);
        assertThat(DevelopmentValues.message(DeploymentMode.DEVELOPMENT, DevelopmentValues.inUse(all)))
                .startsWith("DEVELOPMENT mode").contains("smgw.oidc.client-secret", "smgw.pki.secret", "smgw.pki.pepper", "smgw.pki.dir");
    }

    @Test
    void production_refuses_development_warns_and_no_value_is_quiet_in_both() {
        List<DevelopmentValue> pepper = List.of(DevelopmentValue.PKI_PEPPER);

        assertThatThrownBy(() -> DevelopmentValues.enforce(DeploymentMode.PRODUCTION, pepper))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refuses to start").hasMessageContaining("smgw.pki.pepper");
        assertThat(DevelopmentValues.enforce(DeploymentMode.DEVELOPMENT, pepper)).hasValueSatisfying(w -> assertThat(w).contains("smgw.pki.pepper"));
        assertThat(DevelopmentValues.enforce(DeploymentMode.PRODUCTION, List.of())).isEmpty();
        assertThat(DevelopmentValues.enforce(DeploymentMode.DEVELOPMENT, List.of())).isEmpty();
    }

    @Test
    void mode_parses_both_names_and_refuses_others() {
        assertThat(DeploymentMode.parse("Production")).isEqualTo(DeploymentMode.PRODUCTION);
        assertThat(DeploymentMode.parse("development")).isEqualTo(DeploymentMode.DEVELOPMENT);
        assertThatThrownBy(() -> DeploymentMode.parse("dev")).hasMessage("smgw.mode is 'dev': use production or development");
    }

    @Test
    void a_missing_root_or_one_the_platform_made_up_is_a_development_root_one_from_the_cli_is_not(@TempDir Path pki) throws Exception {
        assertThat(PlatformRoot.isDevelopmentRoot(pki)).isTrue();
        Files.createDirectories(pki.resolve("root"));
        Files.writeString(pki.resolve("root/ca-chain.pem"), "-----BEGIN CERTIFICATE-----");
        assertThat(PlatformRoot.isDevelopmentRoot(pki)).isFalse();
        Files.writeString(pki.resolve("root/DEVELOPMENT-ROOT.txt"), "made up");
        assertThat(PlatformRoot.isDevelopmentRoot(pki)).isTrue();
    }
}
