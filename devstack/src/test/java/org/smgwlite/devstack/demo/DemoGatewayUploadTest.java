package org.smgwlite.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.agent.upload.Uploader;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * A demo gateway whose platform refuses its batch keeps that refusal in its Eichlog, as the device agent does
 * (both record upload outcomes through the agent's platform link). The "platform" is an HTTPS stand-in for
 * the device port with a server certificate from the gateway's root; the gateway is enrolled already (its credentials lie in its folder), so no EST call is made.
 */
class DemoGatewayUploadTest {

    private static final String GATEWAY = "EDMO0000000002";
    private static final String TENANT = "stadtwerke-demo";
    private static final CertificateAuthority ROOT = CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(1000));

    @TempDir
    Path dir;

    @Test
    void a_refused_batch_is_in_the_demo_gateways_eichlog() throws Exception {
        DemoGatewayState state = new DemoGatewayState(dir.resolve("gw"));
        Path rootPem = enroll(state);
        List<String> posted = new ArrayList<>();
        HttpsServer platform = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyPair serverKeys = GatewayRequests.newKeyPair(Curve.P256);
        TlsEndpoint tls = DevicePortTls.server(serverKeys.getPrivate(), ROOT.issueServerCertificate(serverKeys.getPublic(),
                List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(10)).fullChain(), List.of(ROOT.certificate()), List::of);
        platform.setHttpsConfigurator(new HttpsConfigurator(tls.context()) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.parameters();
                ssl.setNeedClientAuth(false); // a stand-in: who the gateway is does not matter here
                parameters.setSSLParameters(ssl);
            }
        });
        platform.createContext("/api/device/whoami", x -> answer(x, 200, "{\"householdId\":42}"));
        platform.createContext("/api/device/batches", x -> {
            posted.add(x.getRequestMethod());
            answer(x, 400, "{\"reason\":\"MALFORMED\"}");
        });
        platform.start();
        URI devicePort = URI.create("https://localhost:" + platform.getAddress().getPort());
        Instant now = Instant.parse("2026-03-04T10:37:05Z");
        Clock wall = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
        DemoGateway gateway = new DemoGateway(GATEWAY, state, new DemoGateway.Platform(devicePort, TENANT, rootPem),
                "", 1, 0, 1, wall, dir.resolve("gw.log"));
        DemoGateway.Report report;
        try {
            gateway.start();
            report = gateway.firstUpload().get(60, TimeUnit.SECONDS);
        } finally {
            gateway.close();
            platform.stop(0);
        }

        assertThat(posted).as("one batch, refused at once, not retried").containsExactly("POST");
        assertThat(report.problem()).contains("400", "MALFORMED");
        EichlogVerifier.Result log = EichlogVerifier.verify(state.agentDir().resolve("eichlog.log"));
        assertThat(log.ok()).as(log.message()).isTrue();
        assertThat(log.entries()).filteredOn(e -> e.type().equals("UPLOAD")).extracting(EichlogEntry::detail)
                .singleElement().asString().startsWith(Uploader.REFUSED).contains("MALFORMED");
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getRequestBody().readAllBytes();
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    /** TLS and signature credentials from a throw-away CA, where the gateway keeps them; returns the root's PEM. */
    private Path enroll(DemoGatewayState state) throws Exception {
        CertificateAuthority ca = CaHierarchy.createTenantCa(ROOT, TenantId.of(TENANT), CurvePolicy.NIST, Duration.ofDays(900));
        Path credentials = state.credentialDir();
        Files.createDirectories(credentials);
        for (Map.Entry<String, CertificateProfile> credential : Map.of("tls", CertificateProfile.GATEWAY_TLS,
                "signature", CertificateProfile.GATEWAY_SIGNATURE).entrySet()) {
            KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
            IssuedCertificate issued = ca.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys, GatewayId.of(GATEWAY))),
                    GatewayId.of(GATEWAY), credential.getValue());
            List<X509Certificate> chain = new ArrayList<>(List.of(issued.certificate()));
            chain.addAll(issued.issuerChain());
            Files.writeString(credentials.resolve(credential.getKey() + ".key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Files.writeString(credentials.resolve(credential.getKey() + ".chain.pem"), pem(chain));
        }
        Path rootPem = dir.resolve("root.pem");
        Files.writeString(rootPem, pem(List.of(ROOT.certificate())));
        return rootPem;
    }

    private static String pem(List<X509Certificate> certificates) throws CertificateEncodingException {
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : certificates) {
            b.append(pem("CERTIFICATE", c.getEncoded()));
        }
        return b.toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
