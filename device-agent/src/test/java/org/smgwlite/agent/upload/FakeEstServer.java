package org.smgwlite.agent.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.csr.CsrRejectedException;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * A platform's EST endpoints on 127.0.0.1 (ephemeral port): TLS with a server certificate from its own root and
 * client authentication wanted, not needed, as on the device port. {@code /simpleenroll} issues from the CSR when
 * HTTP Basic credentials are present, {@code /signature/simplereenroll} when a client certificate was presented (a
 * request the tenant CA refuses is answered 400 with its reason); {@code /cacerts} answers the tenant CA chain with
 * the root.
 */
final class FakeEstServer implements AutoCloseable {

    static final String TENANT = "agent-test";

    final CertificateAuthority root = CaHierarchy.createRoot("Fake Platform Root", CurvePolicy.NIST, Duration.ofDays(30));
    private final CertificateAuthority tenantCa;
    /** Why the last request was refused. */
    private volatile String refusal = "";
    /** Requests that reached a handler, i.e. got past the TLS handshake. */
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;
    /** The last body each {@link #answer} path received. */
    final Map<String, String> received = new ConcurrentHashMap<>();

    private FakeEstServer(boolean tls, CurvePolicy tenantPolicy) throws IOException {
        tenantCa = CaHierarchy.createTenantCa(root, TenantId.of(TENANT), tenantPolicy, Duration.ofDays(20));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls) {
            KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
            IssuedCertificate certificate = root.issueServerCertificate(keys.getPublic(), List.of("localhost"),
                    List.of("127.0.0.1"), Duration.ofDays(10));
            X509CRL crl = tenantCa.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
            TlsEndpoint endpoint = DevicePortTls.server(keys.getPrivate(), certificate.fullChain(), List.of(root.certificate()),
                    () -> List.of(crl));
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(endpoint.context()) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = endpoint.parameters();
                    ssl.setNeedClientAuth(false);
                    ssl.setWantClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.createContext("/api/.well-known/est/" + TENANT + "/", this::handle);
        server.start();
    }

    static FakeEstServer https() throws IOException {
        return https(CurvePolicy.NIST);
    }

    /** With a tenant CA on {@code tenantPolicy} under the (NIST) platform root. */
    static FakeEstServer https(CurvePolicy tenantPolicy) throws IOException {
        return new FakeEstServer(true, tenantPolicy);
    }

    static FakeEstServer plainHttp() throws IOException {
        return new FakeEstServer(false, CurvePolicy.NIST);
    }

    /** The base URL under the name the server certificate carries. */
    URI url() {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://localhost:" + server.getAddress().getPort());
    }

    /** Serves a device-port path too ({@code /api/device/whoami}, ...): a fixed answer, the request body kept. */
    void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    /** An answer of {@link #answerInTurn}: status, body, and a {@code Retry-After} header unless null. */
    record Reply(int status, String body, String retryAfter) {
    }

    /**
     * Serves {@code path} with {@code replies} one after the other (the last one from then on) and returns the list
     * of request bodies it receives, in order.
     */
    List<byte[]> answerInTurn(String path, List<Reply> replies) {
        Deque<Reply> script = new ArrayDeque<>(replies);
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        server.createContext(path, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(in.readAllBytes());
            }
            Reply reply;
            synchronized (script) {
                reply = script.size() > 1 ? script.removeFirst() : script.getFirst();
            }
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        return bodies;
    }

    X509Certificate rootCertificate() {
        return root.certificate();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String answer;
        int status = 200;
        if (path.endsWith("/cacerts")) {
            answer = EstWireFormat.certsOnly(tenantCa.chain());
        } else if (path.endsWith("/simpleenroll") && exchange.getRequestHeaders().getFirst("Authorization") != null) {
            answer = issue(body, CertificateProfile.GATEWAY_TLS);
        } else if (path.endsWith("/signature/simplereenroll") && clientCertificate(exchange)) {
            answer = issue(body, CertificateProfile.GATEWAY_SIGNATURE);
        } else {
            status = 401;
            answer = "no credentials";
        }
        if (answer == null) {
            status = 400;
            answer = refusal;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Certs-only answer, or {@code null} with the reason in {@link #refusal}, as the platform answers a refused request. */
    private String issue(byte[] body, CertificateProfile profile) {
        try {
            IssuedCertificate issued = tenantCa.issueGatewayCertificate(EstWireFormat.parseEnrollmentRequest(body),
                    GatewayId.of("EDEF0012345678"), profile);
            return EstWireFormat.certsOnly(List.of(issued.certificate(), tenantCa.certificate()));
        } catch (CsrRejectedException e) {
            refusal = e.reason() + ": " + e.getMessage();
            return null;
        }
    }

    private static boolean clientCertificate(HttpExchange exchange) {
        try {
            return exchange instanceof HttpsExchange https && https.getSSLSession().getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
