package org.smgwlite.platform.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.smgwlite.agent.json.JsonObject;

/** Access and ID tokens of the demo users (password = user name) by the password grant of the demo realm's client. */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private KeycloakTokens() {
    }

    /** @param realm e.g. {@code http://localhost:8180/realms/smgw} */
    public static String accessToken(String realm, String user) throws Exception {
        return token(realm, user, "access_token");
    }

    /** The ID token of the same grant (scope {@code openid}): signed by the realm, but no access token. */
    public static String idToken(String realm, String user) throws Exception {
        return token(realm, user, "id_token");
    }

    private static String token(String realm, String user, String field) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "smgw-platform", "client_secret", "smgw-dev-secret",
                        "username", user, "password", user, "scope", "openid").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = JsonObject.parse(response.body());
        if (!json.has(field)) {
            throw new IllegalStateException("no " + field + " for " + user + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json.string(field);
    }
}
