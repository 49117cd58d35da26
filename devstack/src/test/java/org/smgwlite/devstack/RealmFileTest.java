package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realms as the platform relies on them: Payara maps the {@code groups} claim to Jakarta roles and the
 * platform scopes data by the {@code tenant} claim. (That Keycloak really puts them into tokens was checked
 * against a running Keycloak; see devstack/README.md.) The demo realm the run command imports has demo users,
 * the password grant and the published secret; the realm for import into a real Keycloak has none of them and
 * is otherwise the same.
 */
class RealmFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PRODUCTION_REALM = Path.of("keycloak", "smgw-realm.json");
    private static JsonNode realm;
    private static JsonNode production;

    @BeforeAll
    static void readRealm() throws IOException {
        Path repo = RunLayout.findRepo(Path.of("").toAbsolutePath()).orElseThrow();
        realm = JSON.readTree(repo.resolve(RunLayout.REALM_IN_REPO).toFile());
        production = JSON.readTree(repo.resolve(PRODUCTION_REALM).toFile());
    }

    @Test
    void realmForImportHasNoUsersNoPasswordGrantAndNoFixedSecret() {
        JsonNode client = client(production);
        assertThat(production.has("users")).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").isBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.has("secret")).isFalse();
        assertThat(client.path("publicClient").asBoolean(true)).isFalse();
        assertThat(client.path("description").asText()).contains("SMGW_OIDC_CLIENT_SECRET");
    }

    @Test
    void demoRealmHasTheUsersThePasswordGrantAndTheDevelopmentSecret() {
        JsonNode client = client(realm);
        assertThat(realm.path("users").size()).isEqualTo(DemoUser.ALL.size());
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.path("secret").asText()).isEqualTo(KeycloakServer.DEV_CLIENT_SECRET);
    }

    @Test
    void bothRealmsAreTheSameApartFromUsersSecretPasswordGrantAndDescription() {
        JsonNode demo = realm.deepCopy();
        ((ObjectNode) demo).remove("users");
        ObjectNode demoClient = (ObjectNode) client(demo);
        demoClient.remove(List.of("secret", "description"));
        demoClient.put("directAccessGrantsEnabled", false);
        JsonNode forImport = production.deepCopy();
        ((ObjectNode) client(forImport)).remove("description");

        assertThat(forImport).isEqualTo(demo);
    }

    @Test
    void realmHasThePlatformRoles() {
        assertThat(realm.path("realm").asText()).isEqualTo(KeycloakServer.REALM);
        assertThat(names(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrder("platform-admin", "operator", "household");
    }

    @Test
    void clientIsConfidentialWithTheDevSecretAndLocalRedirects() {
        JsonNode client = client(realm);
        assertThat(client.path("publicClient").asBoolean(true)).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo(KeycloakServer.DEV_CLIENT_SECRET);
        assertThat(client.path("description").asText()).startsWith("DEV ONLY");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.path("redirectUris").toString()).isEqualTo("[\"http://localhost:8080/*\"]");
        assertThat(client.path("webOrigins").toString()).isEqualTo("[\"+\"]");
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo("http://localhost:8080/*");
    }

    @Test
    void realmRolesGoIntoGroupsAndTenantIntoTenantInEveryToken() {
        JsonNode groups = mapper("groups");
        assertThat(groups.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(groups.path("config").path("multivalued").asText()).isEqualTo("true");
        JsonNode tenant = mapper("tenant");
        assertThat(tenant.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-attribute-mapper");
        assertThat(tenant.path("config").path("user.attribute").asText()).isEqualTo("tenant");
        for (JsonNode mapper : List.of(groups, tenant)) {
            for (String token : List.of("id.token.claim", "access.token.claim", "userinfo.token.claim")) {
                assertThat(mapper.path("config").path(token).asText()).as(token).isEqualTo("true");
            }
        }
    }

    @Test
    void userProfileDeclaresTenantSoImportKeepsItAndOnlyAdminsMayChangeIt() throws IOException {
        JsonNode component = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = JSON.readTree(component.path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode tenant = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("tenant")) {
                tenant = attribute;
            }
        }
        assertThat(tenant).isNotNull();
        assertThat(tenant.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void demoUsersInTheRealmAreTheOnesTheLauncherAnnounces() {
        List<DemoUser> inRealm = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("requiredActions")).isEmpty();
            assertThat(user.path("firstName").asText()).isNotBlank();
            assertThat(user.path("lastName").asText()).isNotBlank();
            JsonNode credential = user.path("credentials").get(0);
            assertThat(credential.path("value").asText()).isEqualTo(user.path("username").asText());
            assertThat(credential.path("temporary").asBoolean()).isFalse();
            JsonNode tenant = user.path("attributes").path("tenant");
            inRealm.add(new DemoUser(user.path("username").asText(), user.path("realmRoles").get(0).asText(),
                    tenant.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(tenant.get(0).asText())));
        }
        assertThat(inRealm).containsExactlyElementsOf(DemoUser.ALL);
    }

    private static JsonNode client(JsonNode realm) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(KeycloakServer.CLIENT_ID)) {
                return client;
            }
        }
        throw new AssertionError("no client " + KeycloakServer.CLIENT_ID);
    }

    private static JsonNode mapper(String claim) {
        for (JsonNode mapper : client(realm).path("protocolMappers")) {
            if (mapper.path("config").path("claim.name").asText().equals(claim)) {
                return mapper;
            }
        }
        throw new AssertionError("no mapper for claim " + claim);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }
}
