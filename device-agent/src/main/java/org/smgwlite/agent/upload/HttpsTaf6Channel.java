package org.smgwlite.agent.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.smgwlite.metering.contract.BatchFormatException;
import org.smgwlite.metering.contract.Taf6Order;
import org.smgwlite.metering.contract.Taf6OrderFormat;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * {@code GET <device port>/api/device/taf6-requests?wait=<s>} and {@code POST .../taf6-requests/<id>/failure} over
 * mutual TLS with the gateway's TLS key. The TLS context comes from {@link UploadService#deviceTls()} on every call
 * (enrolled or renewed as needed); the HTTP client is kept while that context stays the same.
 */
public final class HttpsTaf6Channel implements Taf6Channel {

    /** The current device-port TLS context. */
    @FunctionalInterface
    public interface TlsSource {
        TlsEndpoint get() throws IOException, InterruptedException;
    }

    private final URI devicePort;
    private final TlsSource tls;
    private TlsEndpoint clientFor;
    private HttpClient client;

    public HttpsTaf6Channel(URI devicePort, TlsSource tls) {
        this.devicePort = devicePort;
        this.tls = tls;
    }

    @Override
    public List<Taf6Order> poll(Duration wait) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client().send(HttpRequest.newBuilder(
                        devicePort.resolve("/api/device/taf6-requests?wait=" + wait.toSeconds()))
                .timeout(wait.plusSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (PlatformBusyException.isBusy(r.statusCode())) {
            throw new PlatformBusyException("TAF 6 poll answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8),
                    PlatformBusyException.parseRetryAfter(r.headers().firstValue("Retry-After"), Instant.now()));
        }
        if (r.statusCode() != 200) {
            throw new IOException("TAF 6 poll answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        try {
            return Taf6OrderFormat.decode(r.body());
        } catch (BatchFormatException e) {
            throw new IOException("TAF 6 poll: unreadable answer, " + e.getMessage(), e);
        }
    }

    @Override
    public void failed(long id, String reason) throws IOException, InterruptedException {
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(
                        devicePort.resolve("/api/device/taf6-requests/" + id + "/failure"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(reason, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("TAF 6 failure report for request " + id + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpClient client() throws IOException, InterruptedException {
        TlsEndpoint current = tls.get();
        if (current != clientFor) {
            client = HttpClient.newBuilder().sslContext(current.context()).sslParameters(current.parameters())
                    .connectTimeout(Duration.ofSeconds(20)).build();
            clientFor = current;
        }
        return client;
    }
}
