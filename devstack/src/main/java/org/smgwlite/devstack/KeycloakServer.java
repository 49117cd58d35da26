package org.smgwlite.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.json.JsonSyntaxException;

/**
 * Keycloak in development mode on {@value #PORT} (localhost only) with the demo {@code smgw} realm imported
 * ({@code keycloak/smgw-demo-realm.json}: demo users, the password grant and the published client secret, none of
 * which the realm for import into a real Keycloak, {@code keycloak/smgw-realm.json}, has). Its console's
 * administrator {@value #ADMIN_USER}/{@value #ADMIN_PASSWORD} exists only in this local Keycloak.
 *
 * <p>The server is unpacked once into the run folder and keeps its H2 database there, so a second start
 * skips the import and takes less time. When the realm file changes, the old database is dropped so that
 * the new realm is imported: Keycloak itself never re-imports a realm that exists.
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.start()) {
 *     String token = keycloak.accessToken("operator", "operator");
 * }
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    public static final int PORT = 8180;
    public static final String REALM = "smgw";
    public static final String CLIENT_ID = "smgw-platform";
    /** Published in keycloak/smgw-demo-realm.json: development only (the realm for import has no fixed secret). */
    public static final String DEV_CLIENT_SECRET = "smgw-dev-secret";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    static final String LOG = "keycloak.log";
    private static final String REALM_RESOURCE = "/keycloak/smgw-demo-realm.json";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;

    private KeycloakServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts Keycloak in the run folder of this repository and waits until the realm answers. */
    public static KeycloakServer start() {
        return start(RunLayout.locate());
    }

    public static KeycloakServer start(RunLayout layout) {
        Path log = layout.log(LOG);
        Processes.requireFree(PORT, "Keycloak", "another Keycloak running? set SMGW_OIDC_PROVIDER_URI to use it instead");
        Path home = Distribution.unpack(BuildInfo.load().keycloakZip(), layout.servers());
        installRealm(layout, home);
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = List.of(home.resolve("bin").resolve(windows ? "kc.bat" : "kc.sh").toString(),
                "start-dev",
                "--http-port=" + PORT,
                "--http-host=127.0.0.1",
                "--import-realm",
                "--log-console-color=false");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = Processes.start(command, home, env, log);
        KeycloakServer server = new KeycloakServer(process, log);
        try {
            Readiness.await(server.providerUri().resolve(server.providerUri().getPath() + "/.well-known/openid-configuration"),
                    START_TIMEOUT, "Keycloak", log, process::isAlive);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The OIDC issuer the platform uses as {@code SMGW_OIDC_PROVIDER_URI}. */
    public URI providerUri() {
        return providerUri(PORT);
    }

    static URI providerUri(int port) {
        return URI.create("http://localhost:" + port + "/realms/" + REALM);
    }

    public Path log() {
        return log;
    }

    /**
     * A token for a demo user by the direct grant (enabled on the client for tests), for calling the REST API
     * as that user.
     */
    public String accessToken(String username, String password) {
        return passwordGrant(providerUri(), CLIENT_ID, DEV_CLIENT_SECRET, username, password);
    }

    /**
     * A token from any OIDC provider by the password grant of a confidential client (the run command's demo
     * gateways register themselves as the demo operator this way).
     *
     * @throws IllegalStateException naming the user and the provider's answer when there is no token
     */
    public static String passwordGrant(URI provider, String clientId, String clientSecret, String username, String password) {
        String form = form(Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
                "username", username, "password", password, "scope", "openid"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> token = response.statusCode() == 200 ? accessToken(response.body()) : Optional.empty();
            return token.orElseThrow(() -> new IllegalStateException("no token for " + username + ": HTTP "
                    + response.statusCode() + " " + response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The {@code access_token} of a token endpoint's answer; empty when the answer has none or is no JSON object. */
    static Optional<String> accessToken(String answer) {
        try {
            return JsonObject.parse(answer).optionalString("access_token").filter(t -> !t.isEmpty());
        } catch (JsonSyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        Processes.destroyTree(process.toHandle(), 20);
    }

    /**
     * Puts the realm into {@code data/import}. If it differs from the one imported last time, the dev
     * database goes, so the new realm is imported on this start.
     */
    private static void installRealm(RunLayout layout, Path home) {
        try {
            byte[] realm = readRealm(layout);
            Path imported = Files.createDirectories(home.resolve("data").resolve("import")).resolve(REALM + "-realm.json");
            if (Files.exists(imported) && !Arrays.equals(Files.readAllBytes(imported), realm)) {
                Distribution.deleteTree(home.resolve("data").resolve("h2"));
            }
            Files.write(imported, realm);
        } catch (IOException e) {
            throw new StartupException("Keycloak", "cannot install the realm: " + e.getMessage(), null, e);
        }
    }

    private static byte[] readRealm(RunLayout layout) throws IOException {
        if (Files.isRegularFile(layout.realmFile())) {
            return Files.readAllBytes(layout.realmFile());
        }
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IOException("neither " + layout.realmFile() + " nor " + REALM_RESOURCE + " on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((key, value) -> form.append(form.length() == 0 ? "" : "&")
                .append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
