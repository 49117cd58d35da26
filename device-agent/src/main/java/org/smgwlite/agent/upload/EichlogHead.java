package org.smgwlite.agent.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.json.JsonSyntaxException;

/**
 * The newest Eichlog entry the platform holds for this gateway ({@code GET /api/device/eichlog/head} on the device
 * port): what the closing {@code EICHLOG_RESET} entry of a lost journal chains to.
 */
public record EichlogHead(long n, String hash, String type) {

    /** {@code fields.reason} of the platform's 404 when it holds no entry of this gateway. */
    static final String NONE_STORED = "NO_EICHLOG";

    /**
     * Asks the platform. Empty only when it answers that it holds no entry; any other answer, and a 404 without that
     * reason (a platform being deployed), is an {@link IOException}, so the caller tries again later.
     */
    static Optional<EichlogHead> fetch(HttpClient http, URI devicePort) throws IOException, InterruptedException {
        URI uri = devicePort.resolve("/api/device/eichlog/head");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            if (r.statusCode() == 200) {
                JsonObject head = JsonObject.parse(r.body());
                return Optional.of(new EichlogHead(head.longValue("n"), head.string("hash"), head.string("type")));
            }
            if (r.statusCode() == 404 && JsonObject.parse(r.body()).members().get("fields") instanceof Map<?, ?> fields
                    && NONE_STORED.equals(fields.get("reason"))) {
                return Optional.empty();
            }
        } catch (JsonSyntaxException e) {
            throw new IOException(uri + " answered " + r.statusCode() + ": " + r.body() + " (" + e.getMessage() + ")", e);
        }
        throw new IOException(uri + " answered " + r.statusCode() + ": " + r.body());
    }
}
