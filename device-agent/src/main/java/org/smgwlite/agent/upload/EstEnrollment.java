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
import org.smgwlite.pki.PkiException;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * The gateway's EST client (RFC 7030, JDK HttpClient): keys are made here and never leave the gateway.
 * First enrollment with the one-time code an operator handed out (HTTP Basic, gateway id and code, over TLS
 * trusting only the platform root this gateway was given), then the
 * signature certificate (EST label {@code signature}) and renewals over the device port with the current TLS
 * certificate. Keys are made on the curve of the tenant CA's policy (brainpoolP256r1 under a brainpool CA, P-256
 * under a NIST one), unless {@code gateway.key-curve} forces one.
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
        HttpClient http = enrollmentClient();
        KeyPair keys = newKeys(http, settings.platform());
        HttpRequest request = csrRequest(settings.platform(), "simpleenroll", keys)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (gateway.value() + ":" + oneTimeCode).getBytes(StandardCharsets.UTF_8)))
                .build();
        return new Credential(keys, certificates(http.send(request, HttpResponse.BodyHandlers.ofByteArray())));
    }

    private HttpClient enrollmentClient() {
        if (!"https".equalsIgnoreCase(settings.platform().getScheme())) {
            return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(); // development mode, checked by UploadSettings
        }
        return client(DevicePortTls.serverAuthenticated(roots));
    }

    /** {@code /signature/simplereenroll} on the device port: the batch signature credential. */
    public Credential signatureCredential(Credential tls) throws IOException, InterruptedException {
        HttpClient http = mutual(tls);
        KeyPair keys = newKeys(http, settings.devicePort());
        return new Credential(keys, certificates(http.send(csrRequest(settings.devicePort(), "signature/simplereenroll", keys).build(),
                HttpResponse.BodyHandlers.ofByteArray())));
    }

    /** {@code /simplereenroll} on the device port with a new key: the renewed TLS credential. */
    public Credential renew(Credential tls) throws IOException, InterruptedException {
        HttpClient http = mutual(tls);
        KeyPair keys = newKeys(http, settings.devicePort());
        return new Credential(keys, certificates(http.send(csrRequest(settings.devicePort(), "simplereenroll", keys).build(),
                HttpResponse.BodyHandlers.ofByteArray())));
    }

    /**
     * A new key pair on the curve {@code gateway.key-curve} forces, else on the curve of the tenant CA's policy: the
     * tenant CA that {@code /cacerts} answers, used only once it chains to the pinned root. Asked before every new key,
     * so a renewal follows the tenant CA as it is then.
     */
    private KeyPair newKeys(HttpClient http, URI base) throws IOException, InterruptedException {
        Curve curve = settings.keyCurve().isPresent() ? settings.keyCurve().get() : tenantCurve(http, base);
        return GatewayRequests.newKeyPair(curve);
    }

    private Curve tenantCurve(HttpClient http, URI base) throws IOException, InterruptedException {
        List<X509Certificate> offered = cacerts(http, base, settings.tenant());
        try {
            return GatewayRequests.keyCurveFor(offered, roots, Instant.now());
        } catch (PkiException e) {
            throw new IOException("the tenant CA of " + operation(base, settings.tenant(), "cacerts")
                    + " cannot decide the key curve: " + e.getMessage(), e);
        }
    }

    /**
     * The certificates of EST {@code /cacerts} (RFC 7030 4.1), the tenant CA first; nothing in them is trusted yet.
     *
     * @throws IOException naming the URL when the answer is not 200
     */
    static List<X509Certificate> cacerts(HttpClient http, URI base, String tenant) throws IOException, InterruptedException {
        URI uri = operation(base, tenant, "cacerts");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return EstWireFormat.parseCertsOnly(response.body());
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
