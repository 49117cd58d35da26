package org.smgwlite.platform.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * A gateway as the platform sees one, driven from a test or a benchmark: registered by the operator, enrolled
 * through EST with its one-time code (TLS certificate), then its signature certificate over mutual TLS, keys
 * made here as on the gateway. Uploads signed batches to the device port. Every device-port request is a TLS
 * connection of its own, closed after the answer, as a gateway's daily upload is: a benchmark can drive
 * thousands of gateways without thousands of idle connections.
 *
 * @param tls the client side of the device port: key, certificate chain, trust in the platform root
 */
public record TestGateway(String id, long householdId, TlsEndpoint tls, KeyPair signatureKeys,
                          X509Certificate signatureCertificate) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    /** Where the platform answers: operator API on {@code base}, EST and the device API on the device port {@code device}. */
    public record Platform(String base, String device, String tenant, X509Certificate root) {

        /** Registers {@code gatewayId} for {@code householdId} through the operator API and returns a fresh one-time code. */
        public String register(String operatorToken, String gatewayId, long householdId) throws Exception {
            registerGateway(operatorToken, gatewayId, householdId);
            return enrollmentCode(operatorToken, gatewayId);
        }

        /** Registers {@code gatewayId} for {@code householdId} through the operator API. */
        public void registerGateway(String operatorToken, String gatewayId, long householdId) throws Exception {
            expect(201, HTTP.send(json(gateways(), operatorToken, "{\"gatewayId\":\"" + gatewayId + "\",\"householdId\":"
                    + householdId + "}"), HttpResponse.BodyHandlers.ofString()));
        }

        /** A fresh one-time enrollment code for {@code gatewayId}, from the operator API. */
        public String enrollmentCode(String operatorToken, String gatewayId) throws Exception {
            HttpResponse<String> code = HTTP.send(json(gateways() + "/" + gatewayId + "/enrollment-codes", operatorToken, "{}"),
                    HttpResponse.BodyHandlers.ofString());
            expect(201, code);
            return enrollmentCodeIn(code.body());
        }

        private String gateways() {
            return base + "/api/tenants/" + tenant + "/gateways";
        }

        /**
         * EST simpleenroll with the one-time code on the device port, over TLS that trusts only the platform root (no
         * client certificate yet), then the signature certificate over mutual TLS.
         */
        public TestGateway enroll(String gatewayId, long householdId, String oneTimeCode) throws Exception {
            KeyPair tlsKeys = GatewayRequests.newKeyPair(Curve.P256);
            Answer enrolled = post(DevicePortTls.serverAuthenticated(List.of(root)), device + "/api/.well-known/est/" + tenant + "/simpleenroll",
                    EstWireFormat.CSR_CONTENT_TYPE, Base64.getEncoder().encode(GatewayRequests.csrDer(tlsKeys, GatewayId.of(gatewayId))),
                    "Basic " + Base64.getEncoder().encodeToString((gatewayId + ":" + oneTimeCode).getBytes(StandardCharsets.UTF_8)));
            if (enrolled.statusCode() != 200) {
                throw new IllegalStateException("simpleenroll for " + gatewayId + ": " + enrolled.statusCode() + " " + enrolled.body());
            }
            TlsEndpoint tls = DevicePortTls.client(tlsKeys.getPrivate(), EstWireFormat.parseCertsOnly(enrolled.bytes()), List.of(root));

            KeyPair signatureKeys = GatewayRequests.newKeyPair(Curve.P256);
            Answer signature = post(tls, device + "/api/.well-known/est/" + tenant + "/signature/simplereenroll",
                    EstWireFormat.CSR_CONTENT_TYPE, Base64.getEncoder().encode(GatewayRequests.csrDer(signatureKeys, GatewayId.of(gatewayId))));
            if (signature.statusCode() != 200) {
                throw new IllegalStateException("signature certificate for " + gatewayId + ": " + signature.statusCode() + " " + signature.body());
            }
            X509Certificate signatureCertificate = EstWireFormat.parseCertsOnly(signature.bytes()).get(0);
            return new TestGateway(gatewayId, householdId, tls, signatureKeys, signatureCertificate);
        }
    }

    /** The one-time code in the operator API's answer to {@code POST .../enrollment-codes}. */
    public static String enrollmentCodeIn(String answer) {
        JsonObject json = JsonObject.parse(answer);
        if (!json.has("code") || !json.string("code").matches("[0-9A-Z-]{19}")) {
            throw new IllegalStateException("no enrollment code in " + answer);
        }
        return json.string("code");
    }

    /** {@code batch} signed with this gateway's signature key, as the agent sends it. */
    public byte[] sign(ReadingBatch batch) {
        return SignedBatches.sign(batch, signatureKeys.getPrivate(), signatureCertificate);
    }

    /** The platform's answer on the device port: status and body as received. */
    public record Answer(int statusCode, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Posts {@code body} to {@code /api/device/batches} over mutual TLS and returns the platform's answer as is. */
    public Answer upload(String device, byte[] body) throws IOException {
        return post(tls, device + "/api/device/batches", SignedBatches.CONTENT_TYPE, body);
    }

    /** One request on a TLS connection of its own, closed after the answer. */
    private static Answer post(TlsEndpoint tls, String url, String contentType, byte[] body) throws IOException {
        return post(tls, url, contentType, body, null);
    }

    /** The same, with an {@code Authorization} header when {@code authorization} is not null. */
    private static Answer post(TlsEndpoint tls, String url, String contentType, byte[] body, String authorization) throws IOException {
        return send(tls, "POST", url, contentType, body, authorization);
    }

    /**
     * Any request on a TLS connection of its own, closed after the answer: {@code body} null for none (then
     * {@code contentType} is ignored), {@code authorization} null for no {@code Authorization} header.
     */
    public static Answer send(TlsEndpoint tls, String method, String url, String contentType, byte[] body, String authorization)
            throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        c.setSSLSocketFactory(tls.context().getSocketFactory());
        c.setConnectTimeout(10_000);
        c.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
        c.setRequestMethod(method);
        c.setRequestProperty("Connection", "close");
        if (body != null) {
            c.setRequestProperty("Content-Type", contentType);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
        }
        try {
            if (body != null) {
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
            }
        } finally {
            c.disconnect();
        }
    }

    private static HttpRequest json(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
