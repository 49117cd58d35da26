package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;
import org.smgwlite.platform.it.EndpointRecipes.Access;
import org.smgwlite.platform.it.EndpointRecipes.Call;
import org.smgwlite.platform.it.EndpointRecipes.Recipe;
import org.smgwlite.platform.it.MatrixCallers.Device;
import org.smgwlite.platform.it.MatrixCallers.Outcome;
import org.smgwlite.platform.it.MatrixCallers.User;
import org.smgwlite.platform.it.RestEndpoints.Endpoint;

/**
 * The security matrix on the deployed platform: every REST endpoint (read from the API WAR's annotations) × every
 * kind of caller (anonymous, platform admin, operator of either tenant, two households; on the device port: no
 * certificate, a gateway of either tenant) × both tenants, each answer checked for the status class the caller is due
 * and for the other tenant's names and ids (zero leaks); every UI route × every demo login in a real browser; each
 * endpoint only on its own port; and the device port's refusal of TLS 1.0/1.1 and non-AEAD suites in real handshakes.
 * Each row of the matrix is written to {@code target/security-matrix.txt}; the test lists every wrong row at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityMatrixIT extends OnDevicePort {

    private static final String A = MatrixFixture.A;
    private static final String B = MatrixFixture.B;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static MatrixFixture fixture;

    private record Answer(int status, String body) {
    }

    @BeforeAll
    static void tenantsWithObjects() throws Exception {
        fixture = MatrixFixture.create(rootChain);
    }

    @Test
    void every_rest_endpoint_of_the_deployed_api_has_a_recipe_and_every_recipe_an_endpoint() {
        Set<String> deployed = RestEndpoints.deployed().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(deployed).as("endpoints of the API WAR").isNotEmpty();
        assertThat(deployed).as("endpoints without a recipe in EndpointRecipes (add one)")
                .containsExactlyInAnyOrderElementsOf(EndpointRecipes.RECIPES.keySet());
    }

    @Test
    void role_by_tenant_by_endpoint_answers_as_due_and_leaks_nothing() throws Exception {
        Table table = new Table();
        forEachEndpoint(table, (endpoint, recipe) -> {
            for (String target : recipe.targeted() ? MatrixFixture.TENANTS : List.of("-")) {
                if (recipe.access().devicePort) {
                    for (Device device : Device.ALL) {
                        check(endpoint, target, device.name(), MatrixCallers.expected(recipe.access(), device, target),
                                MatrixCallers.visible(recipe.access(), device, target), own(device), recipe, table,
                                call -> onDevicePort(device, call, null));
                    }
                } else {
                    for (User user : User.ALL) {
                        check(endpoint, target, user.name(), MatrixCallers.expected(recipe.access(), user, target),
                                MatrixCallers.visible(recipe.access(), user, target), own(user), recipe, table,
                                call -> onBrowserPort(user.name(), call));
                    }
                }
            }
        });
        table.report("security-matrix.txt");
        // control: the markers do recognise a tenant's data, so "no leak" above means something
        Answer households = onBrowserPort("operator", Call.get("tenants/" + A + "/households?search="
                + java.net.URLEncoder.encode(fixture.of(A).householdName(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(fixture.leaks(households.body(), Set.of(B), "", Set.of())).as("tenant A's households seen as A's objects")
                .contains(fixture.of(A).householdName());
        assertThat(table.wrong).as("wrong answers or leaks (all rows: target/security-matrix.txt)").isEmpty();
    }

    @Test
    void each_endpoint_is_served_on_its_own_port_only() throws Exception {
        Table table = new Table();
        forEachEndpoint(table, (endpoint, recipe) -> {
            if (recipe.access() == Access.PUBLIC) {
                return; // public ones (CRLs) may be served on both
            }
            Set<String> none = Set.of();
            if (recipe.access().devicePort) {
                check(endpoint, A, "anonymous on 8080", Outcome.NOT_HERE, none, none, recipe, table,
                        call -> onBrowserPort("anonymous", call));
            } else {
                check(endpoint, A, "admin on the device port", Outcome.NOT_HERE, none, Set.of(), recipe, table,
                        call -> onDevicePort(Device.ALL.get(0), call, "admin"));
            }
        });
        table.report("security-ports.txt");
        assertThat(table.wrong).as("endpoints answering on the wrong port").isEmpty();
    }

    @Test
    void each_ui_route_opens_only_for_its_roles_and_shows_no_other_tenants_data() throws Exception {
        List<UiRoutes.Route> routes = UiRoutes.deployed();
        assertThat(routes).as("routes of the admin UI").isNotEmpty();
        Table table = new Table();
        for (UiRoutes.Route route : routes) {
            for (String target : route.hasParameter() ? MatrixFixture.TENANTS : List.of("-")) {
                String path = uiPath(route, target);
                HttpResponse<Void> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/ui/" + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                String location = anonymous.headers().firstValue("Location").orElse("");
                boolean refusedOrToKeycloak = anonymous.statusCode() == 302 && location.startsWith(MatrixFixture.REALM + "/protocol/openid-connect/auth")
                        || anonymous.statusCode() == 401 || anonymous.statusCode() == 403;
                table.rows.add(String.format("%-28s %-10s %-20s %d %s %s", route.template(), target, "anonymous", anonymous.statusCode(), location,
                        refusedOrToKeycloak ? "ok" : "WRONG"));
                if (!refusedOrToKeycloak) {
                    table.wrong.add("/ui/" + path + " anonymous: " + anonymous.statusCode() + " " + location + " (expected a redirect to Keycloak or 401/403)");
                }
            }
        }
        for (User user : User.ALL.subList(1, User.ALL.size())) {
            Set<String> titles = routes.stream().filter(r -> r.opensFor(user.role()) && !r.permitAll())
                    .flatMap(r -> r.pageTitle().stream()).collect(Collectors.toSet());
            try (Browser browser = new Browser()) {
                browser.signIn(ItPlatform.BASE + "/ui/", user.name(), user.name());
                for (UiRoutes.Route route : routes) {
                    for (String target : route.hasParameter() ? MatrixFixture.TENANTS : List.of("-")) {
                        String path = uiPath(route, target);
                        browser.openAndSettle(ItPlatform.BASE + "/ui/" + path);
                        String title = browser.driver().getTitle();
                        String text = browser.pageText();
                        String verdict = MatrixCallers.uiVerdict(route, user, target, title, titles);
                        if (text.contains("Exception") || text.contains("\tat ") || text.contains("at org.smgwlite")) {
                            verdict = "WRONG: stack trace or exception name on the page";
                        }
                        List<String> leaks = fixture.leaks(text + " " + title, MatrixCallers.uiVisible(user), path, own(user));
                        if (!leaks.isEmpty()) {
                            verdict = "LEAK " + leaks;
                        }
                        table.rows.add(String.format("%-28s %-20s %-12s '%s' %s", route.template(), target, user.name(), title, verdict));
                        if (!verdict.equals("ok")) {
                            table.wrong.add("/ui/" + path + " as " + user.name() + ": " + verdict);
                        }
                    }
                }
            }
        }
        table.report("security-ui-routes.txt");
        assertThat(table.wrong).as("UI routes opened wrongly or leaking (all rows: target/security-ui-routes.txt)").isEmpty();
    }

    @Test
    void the_device_port_refuses_tls_1_0_and_1_1_and_suites_without_aead() throws Exception {
        Shell shell = new Shell(Files.createDirectories(Path.of("target", "security-tls")));
        String connect = "timeout 20 openssl s_client -connect localhost:" + ItPlatform.DEVICE.replaceAll(".*:", "")
                + " -servername localhost -CAfile " + rootChain.toAbsolutePath() + " </dev/null 2>&1 ";

        String accepted = shell.sh(connect + "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256").out();
        assertThat(accepted).as("control: TLS 1.2 with AES-GCM is accepted").contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256");

        Map<String, String> refused = Map.of(
                "TLS 1.0", "-tls1 -cipher DEFAULT:@SECLEVEL=0",
                "TLS 1.1", "-tls1_1 -cipher DEFAULT:@SECLEVEL=0",
                "TLS 1.2 AES-CBC with SHA-256", "-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA256:@SECLEVEL=0",
                "TLS 1.2 AES-CBC with SHA-1", "-tls1_2 -cipher ECDHE-ECDSA-AES256-SHA:@SECLEVEL=0");
        for (Map.Entry<String, String> attempt : refused.entrySet()) {
            String out = shell.sh(connect + attempt.getValue()).out();
            Files.writeString(shell.file(attempt.getKey().replaceAll("[^A-Za-z0-9]+", "-") + ".txt"), out); // the evidence
            assertThat(out).as(attempt.getKey() + ": the client offered it (else the test proves nothing)")
                    .doesNotContain("no protocols available").doesNotContain("no cipher match").contains("CONNECTED");
            assertThat(out).as(attempt.getKey() + " must be refused by the server").containsPattern("Cipher is \\(NONE\\)|alert|handshake failure")
                    .doesNotContainPattern("Cipher is [A-Z0-9]+-");
        }
    }

    // --- the matrix's moves ---

    @FunctionalInterface
    private interface PerEndpoint {
        void check(Endpoint endpoint, Recipe recipe) throws Exception;
    }

    /** Each deployed endpoint in order with its recipe; one without a recipe is a wrong row. */
    private static void forEachEndpoint(Table table, PerEndpoint each) throws Exception {
        for (Endpoint endpoint : RestEndpoints.deployed()) {
            Recipe recipe = EndpointRecipes.RECIPES.get(endpoint.key());
            if (recipe == null) {
                table.wrong.add(endpoint.key() + ": no recipe in EndpointRecipes");
            } else {
                each.check(endpoint, recipe);
            }
        }
    }

    @FunctionalInterface
    private interface Send {
        Answer send(Call call) throws Exception;
    }

    private static void check(Endpoint endpoint, String target, String caller, Outcome expected, Set<String> visible, Set<String> own,
                              Recipe recipe, Table table, Send send) throws Exception {
        Call call = recipe.call().call(fixture, target.equals("-") ? A : target);
        Answer answer = send.send(call);
        List<String> leaks = fixture.leaks(answer.body(), visible, call.mentions(), own);
        String verdict = !expected.admits(answer.status()) ? "WRONG STATUS (expected " + expected + ")"
                : leaks.isEmpty() ? "ok" : "LEAK " + leaks;
        table.rows.add(String.format("%-55s %-20s %-22s %d %s", endpoint.key(), target, caller, answer.status(), verdict));
        if (!verdict.equals("ok")) {
            table.wrong.add(endpoint.key() + " target " + target + " as " + caller + ": " + answer.status() + " " + verdict + " — "
                    + abbreviate(answer.body()));
        }
    }

    /** What the caller knows anyway: its tenant's id, its own household (a household login). */
    private static Set<String> own(User user) {
        Set<String> own = new java.util.HashSet<>(fixture.ownHouseholdOf(user.name()));
        Optional.ofNullable(user.tenant()).ifPresent(own::add);
        return own;
    }

    /** What a gateway knows anyway: its tenant's id and its own gateway id. */
    private static Set<String> own(Device device) {
        return device.tenant() == null ? Set.of() : Set.of(device.tenant(), fixture.of(device.tenant()).device().id());
    }

    private static Answer onBrowserPort(String user, Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/api/" + call.path())).timeout(Duration.ofSeconds(30));
        if (!user.equals("anonymous")) {
            request.header("Authorization", "Bearer " + fixture.token(user));
        }
        if (call.basic() != null) {
            request.header("Authorization", EndpointRecipes.basicHeader(call.basic()));
        }
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", call.contentType()).method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** {@code bearerUser}: a demo login whose token the call carries, or null. */
    private static Answer onDevicePort(Device device, Call call, String bearerUser) throws Exception {
        TlsEndpoint tls = device.tenant() == null ? DevicePortTls.serverAuthenticated(List.of(fixture.root))
                : fixture.of(device.tenant()).device().tls();
        String authorization = call.basic() != null ? EndpointRecipes.basicHeader(call.basic())
                : bearerUser != null ? "Bearer " + fixture.token(bearerUser) : null;
        TestGateway.Answer answer = TestGateway.send(tls, call.method(), ItPlatform.DEVICE + "/api/" + call.path(), call.contentType(),
                call.body(), authorization);
        return new Answer(answer.statusCode(), answer.body());
    }

    /** The route with its parameter (and the parameter's pattern, as in {@code :id([0-9]{1,18})}) filled in. */
    private static String uiPath(UiRoutes.Route route, String target) {
        return route.hasParameter() ? route.template().replaceAll(":[a-zA-Z]+(\\([^/]*\\))?", String.valueOf(fixture.of(target).householdId()))
                : route.template();
    }

    /** A test's rows (every call and its verdict) and the wrong ones among them. */
    private static final class Table {
        final long started = System.nanoTime();
        final List<String> rows = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();

        void report(String file) throws Exception {
            rows.add(rows.size() + " rows in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            Files.write(Path.of("target", file), rows, StandardCharsets.UTF_8);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
