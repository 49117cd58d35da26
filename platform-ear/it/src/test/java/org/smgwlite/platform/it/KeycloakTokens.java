package org.smgwlite.platform.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Access tokens of the demo users (password = user name) by the password grant of the realm's client. */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private KeycloakTokens() {
    }

    /** @param realm e.g. {@code http://localhost:8180/realms/smgw} */
    public static String accessToken(String realm, String user) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "smgw-platform", "client_secret", "smgw-dev-secret",
                        "username", user, "password", user).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no access token for " + user + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
