package org.smgwlite.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's operator REST API ({@code /api/tenants/<tenant>/...}, Keycloak bearer token) as far as the demo
 * fleet needs it: the tenant's households, its gateways, registering a gateway and creating its one-time code.
 * The answers are our own API's small JSON documents; the fields are picked out by pattern.
 */
final class OperatorApi {

    /** A household as the operator API lists it; {@code viewerUsername} is null when nobody may sign in to it. */
    record Household(long id, String name, String viewerUsername) {
    }

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI api;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param api   the REST root, e.g. {@code http://localhost:8080/api}
     * @param token a fresh access token of an operator of the tenant, on each call
     */
    OperatorApi(URI api, Supplier<String> token) {
        this.api = api;
        this.token = token;
    }

    List<Household> households(String tenant) throws IOException, InterruptedException {
        String body = send("GET", "/tenants/" + tenant + "/households", null, 200);
        List<Household> out = new ArrayList<>();
        Matcher object = OBJECT.matcher(body);
        while (object.find()) {
            String json = object.group();
            out.add(new Household(Long.parseLong(field(json, "id", "(\\d+)")), field(json, "name", "\"((?:[^\"\\\\]|\\\\.)*)\""),
                    optionalField(json, "viewerUsername")));
        }
        return out;
    }

    List<String> gateways(String tenant) throws IOException, InterruptedException {
        String body = send("GET", "/tenants/" + tenant + "/gateways", null, 200);
        List<String> out = new ArrayList<>();
        Matcher id = Pattern.compile("\"gatewayId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        while (id.find()) {
            out.add(id.group(1));
        }
        return out;
    }

    void register(String tenant, String gatewayId, long householdId) throws IOException, InterruptedException {
        send("POST", "/tenants/" + tenant + "/gateways",
                "{\"gatewayId\":\"" + gatewayId + "\",\"householdId\":" + householdId + "}", 201);
    }

    /** A new one-time enrollment code (the platform keeps only its hash). */
    String enrollmentCode(String tenant, String gatewayId) throws IOException, InterruptedException {
        return field(send("POST", "/tenants/" + tenant + "/gateways/" + gatewayId + "/enrollment-codes", "{}", 201),
                "code", "\"([^\"]+)\"");
    }

    private String send(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + api + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name, String valuePattern) throws IOException {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*" + valuePattern).matcher(json);
        if (!m.find()) {
            throw new IOException("no " + name + " in " + json);
        }
        return unescape(m.group(1));
    }

    private static String optionalField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
