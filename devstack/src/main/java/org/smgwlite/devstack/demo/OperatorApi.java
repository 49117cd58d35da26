package org.smgwlite.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.json.JsonSyntaxException;

/**
 * The platform's operator REST API ({@code /api/tenants/<tenant>/...}, Keycloak bearer token) as far as the demo
 * fleet needs it: the tenant's households, its gateways, registering a gateway and creating its one-time code.
 * The answers are our own API's small JSON documents, read with the device agent's {@link JsonObject}.
 */
final class OperatorApi {

    /** A household as the operator API lists it; {@code viewerUsername} is null when nobody may sign in to it. */
    record Household(long id, String name, String viewerUsername) {
    }

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

    /** Every household of the tenant. */
    List<Household> households(String tenant) throws IOException, InterruptedException {
        return everyPage("/tenants/" + tenant + "/households", body -> JsonObject.parseArray(body).stream()
                .map(h -> new Household(h.longValue("id"), h.string("name"), h.optionalString("viewerUsername").orElse(null)))
                .toList());
    }

    /** Every gateway id of the tenant. */
    List<String> gateways(String tenant) throws IOException, InterruptedException {
        return everyPage("/tenants/" + tenant + "/gateways",
                body -> JsonObject.parseArray(body).stream().map(g -> g.string("gatewayId")).toList());
    }

    /** A paged list read page after page (the API answers at most {@value #PAGE} rows at a time). */
    private <T> List<T> everyPage(String path, Function<String, List<T>> reader) throws IOException, InterruptedException {
        List<T> all = new ArrayList<>();
        while (true) {
            List<T> page = read(send("GET", path + "?offset=" + all.size() + "&limit=" + PAGE, null, 200), reader);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private static final int PAGE = 500;

    /**
     * Registers the demo gateway of a household, replacing the household's earlier gateway on purpose: the fleet
     * registers only when its state folder for the household is new or was deleted, so an earlier gateway's keys are gone.
     */
    void register(String tenant, String gatewayId, long householdId) throws IOException, InterruptedException {
        send("POST", "/tenants/" + tenant + "/gateways",
                "{\"gatewayId\":\"" + gatewayId + "\",\"householdId\":" + householdId + ",\"replace\":true}", 201);
    }

    /** A new one-time enrollment code (the platform keeps only its hash). */
    String enrollmentCode(String tenant, String gatewayId) throws IOException, InterruptedException {
        return read(send("POST", "/tenants/" + tenant + "/gateways/" + gatewayId + "/enrollment-codes", "{}", 201),
                body -> JsonObject.parse(body).string("code"));
    }

    /** Substitute values for the household's gaps starting on the local days from to {@code to}, both inclusive. */
    void substitutes(String tenant, long householdId, java.time.LocalDate from, java.time.LocalDate to)
            throws IOException, InterruptedException {
        send("POST", "/tenants/" + tenant + "/households/" + householdId + "/substitutes?from=" + from + "&to=" + to, "{}", 200);
    }

    /** Starts the tenant's TAF month report run of {@code month} in the background (202). */
    void startMonthReport(String tenant, java.time.YearMonth month) throws IOException, InterruptedException {
        send("POST", "/tenants/" + tenant + "/reports/" + month, "{}", 202);
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

    /** The answer as {@code reader} reads it; an answer that is not the JSON expected is an I/O failure quoting it. */
    private static <T> T read(String body, Function<String, T> reader) throws IOException {
        try {
            return reader.apply(body);
        } catch (JsonSyntaxException e) {
            throw new IOException(e.getMessage() + ": " + body, e);
        }
    }
}
