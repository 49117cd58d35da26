package org.smgwlite.agent.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.smgwlite.pki.Curve;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * The gateway's EST client (RFC 7030, JDK HttpClient): keys are made here and never leave the gateway.
 * First enrollment with the one-time code an operator handed out (HTTP Basic, gateway id and code, over TLS
 * trusting only the platform root this gateway was given), then the
 * signature certificate (EST label {@code signature}) and renewals over the device port with the current TLS
 * certificate.
 */
public final class EstEnrollment {

    /** A key and the chain the platform issued for it (leaf first, tenant CA after). */
    public record Credential(KeyPair keys, List<X509Certificate> chain) {

        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** True once less than {@code margin} of validity is left: time to renew. */
        public boolean renewalDue(Instant now, Duration margin) {
            return !now.plus(margin).isBefore(certificate().getNotAfter().toInstant());
        }
    }

    private final UploadSettings settings;
    private final GatewayId gateway;
    private final Collection<X509Certificate> roots;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    /** @param roots the trust anchors of the device port */
    public EstEnrollment(UploadSettings settings, Collection<X509Certificate> roots) {
        this.settings = settings;
        this.gateway = GatewayId.of(settings.gatewayId());
        this.roots = roots;
    }

    /**
     * {@code /simpleenroll} with the one-time code: the TLS client credential. Over TLS that authenticates the
     * platform against the pinned root only; plain HTTP only in the development mode {@link UploadSettings} allows.
     */
    public Credential enroll(String oneTimeCode) throws IOException, InterruptedException {
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        HttpRequest request = csrRequest(settings.platform(), "simpleenroll", keys)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (gateway.value() + ":" + oneTimeCode).getBytes(StandardCharsets.UTF_8)))
                .build();
        return new Credential(keys, certificates(enrollmentClient().send(request, HttpResponse.BodyHandlers.ofByteArray())));
    }

    private HttpClient enrollmentClient() {
        if (!"https".equalsIgnoreCase(settings.platform().getScheme())) {
            return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(); // development mode, checked by UploadSettings
        }
        return client(DevicePortTls.serverAuthenticated(roots));
    }

    /** {@code /signature/simplereenroll} on the device port: the batch signature credential. */
    public Credential signatureCredential(Credential tls) throws IOException, InterruptedException {
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        return new Credential(keys, certificates(mutual(tls).send(csrRequest(settings.devicePort(), "signature/simplereenroll", keys).build(),
                HttpResponse.BodyHandlers.ofByteArray())));
    }

    /** {@code /simplereenroll} on the device port with a new key: the renewed TLS credential. */
    public Credential renew(Credential tls) throws IOException, InterruptedException {
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        return new Credential(keys, certificates(mutual(tls).send(csrRequest(settings.devicePort(), "simplereenroll", keys).build(),
                HttpResponse.BodyHandlers.ofByteArray())));
    }

    /** The device port's TLS context for {@code tls}. */
    public TlsEndpoint deviceTls(Credential tls) {
        return DevicePortTls.client(tls.keys().getPrivate(), tls.chain(), roots);
    }

    private HttpClient mutual(Credential tls) {
        return client(deviceTls(tls));
    }

    private static HttpClient client(TlsEndpoint endpoint) {
        return HttpClient.newBuilder().sslContext(endpoint.context()).sslParameters(endpoint.parameters())
                .connectTimeout(CONNECT_TIMEOUT).build();
    }

    private HttpRequest.Builder csrRequest(URI base, String operation, KeyPair keys) {
        return HttpRequest.newBuilder(operation(base, settings.tenant(), operation))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", EstWireFormat.CSR_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Base64.getEncoder().encode(GatewayRequests.csrDer(keys, gateway))));
    }

    /** The URL of an EST operation with the tenant as CA label. */
    static URI operation(URI base, String tenant, String operation) {
        return base.resolve("/api/.well-known/est/" + tenant + "/" + operation);
    }

    private static List<X509Certificate> certificates(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("EST refused with " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return EstWireFormat.parseCertsOnly(response.body());
    }
}
