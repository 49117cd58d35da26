package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform EAR as built, deployed on Payara with Keycloak and PostgreSQL: readiness, the
 * redirect to Keycloak, and what operators and households see in a real browser after signing in
 * on Keycloak's own login page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformEarIT {

    private static final String BASE = System.getProperty("smgw.it.baseUrl", "http://localhost:8080");
    private static final String UI = BASE + "/ui/";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    @Test
    void readiness_reports_database_and_keycloak_up() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"")
                .contains("\"name\":\"database\"").contains("\"name\":\"keycloak\"")
                .contains("\"schemaVersion\":\"" + newestMigration() + "\"")
                .doesNotContain("DOWN");
    }

    /** The highest V<n> of db-migrations' scripts: what a freshly migrated database must report. */
    private static int newestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../../db-migrations/src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    @Test
    void the_admin_ui_sends_an_anonymous_visitor_to_keycloak() throws Exception {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(UI)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString()
                .startsWith("http://localhost:8180/realms/smgw/protocol/openid-connect/auth")
                .contains("client_id=smgw-platform");
    }

    @Test
    void operator_manages_households_and_another_tenants_operator_cannot_see_them() {
        String name = "Browser Test " + System.currentTimeMillis() % 100000;
        String melo = "DE00012345341170000000000" + String.format("%08d", System.nanoTime() % 100_000_000L);
        try (Browser operator = new Browser()) {
            operator.signIn(UI, "operator", "operator");
            operator.await("households-grid");
            assertThat(operator.pageText()).contains("Households of stadtwerke-demo");

            // bad input: field errors, nothing saved
            operator.click("household-add");
            operator.type("household-name", name);
            operator.type("household-street", "Testweg 1");
            operator.type("household-postal-code", "341");
            operator.type("household-city", "Kassel");
            operator.type("household-messlokation", "DE123");
            operator.type("household-meter", "1EMH0099887766");
            operator.click("household-save");
            assertThat(operator.isInvalid("household-messlokation")).isTrue();
            assertThat(operator.errorMessage("household-messlokation")).isEqualTo("must be 33 characters, has 5");
            assertThat(operator.isInvalid("household-postal-code")).isTrue();
            assertThat(operator.gridCells("households-grid")).doesNotContain(name);

            // corrected: saved and listed
            operator.type("household-postal-code", "34117");
            operator.type("household-messlokation", melo);
            operator.click("household-save");
            operator.awaitGridCell("households-grid", name, true);
            assertThat(operator.gridCells("households-grid")).contains(melo);

            // edit
            operator.clickGridCell("households-grid", name);
            operator.type("household-name", name + " edited");
            operator.click("household-save");
            operator.awaitGridCell("households-grid", name + " edited", true);
        }

        try (Browser otherTenant = new Browser()) {
            otherTenant.signIn(UI, "operator2", "operator2");
            otherTenant.await("households-grid");
            assertThat(otherTenant.pageText()).contains("Households of buergerenergie-nord");
            assertThat(otherTenant.gridCells("households-grid"))
                    .contains("Hof Jansen")
                    .doesNotContain(name + " edited", melo, "Familie Müller");
        }

        try (Browser operator = new Browser()) {
            operator.signIn(UI, "operator", "operator");
            operator.clickGridCell("households-grid", name + " edited");
            operator.click("household-delete");
            operator.confirm();
            operator.awaitGridCell("households-grid", name + " edited", false);
            assertThat(operator.gridCells("households-grid")).contains("Familie Müller");
        }
    }

    @Test
    void a_household_user_sees_only_its_own_household() {
        try (Browser household = new Browser()) {
            household.signIn(UI, "household", "household");
            household.awaitText("Familie Müller");
            assertThat(household.pageText())
                    .contains("DE0001234534117000000000000000001")
                    .doesNotContain("Wohnung Schmidt", "Bäckerei Weber", "Households of");
            assertThat(household.driver().getCurrentUrl()).endsWith("/ui/my-household");
        }
    }
}
