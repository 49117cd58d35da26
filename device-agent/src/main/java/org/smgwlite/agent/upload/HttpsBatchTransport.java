package org.smgwlite.agent.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * {@code POST <platform>/api/device/batches} over mutual TLS with the gateway's TLS key (the device port); a
 * {@code Retry-After} header of the answer goes along with it.
 */
public final class HttpsBatchTransport implements BatchTransport {

    private final HttpClient http;
    private final URI uri;

    public HttpsBatchTransport(URI devicePort, TlsEndpoint tls) {
        this.http = HttpClient.newBuilder().sslContext(tls.context()).sslParameters(tls.parameters())
                .connectTimeout(Duration.ofSeconds(20)).build();
        this.uri = devicePort.resolve("/api/device/batches");
    }

    @Override
    public Answer post(byte[] signedBatch) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Content-Type", SignedBatches.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(signedBatch)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(),
                PlatformBusyException.parseRetryAfter(r.headers().firstValue("Retry-After"), Instant.now()));
    }
}
