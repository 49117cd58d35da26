package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * A brainpoolP256r1 gateway (the curve the German smart-metering PKI prescribes) uploads a batch over mutual TLS
 * with the agent's own transport, to a device port whose root and server key are NIST or brainpool.
 */
class BrainpoolUploadTest {

    @ParameterizedTest
    @ValueSource(strings = {"nist", "brainpool"})
    void brainpoolGatewayUploadsOverMutualTls(String devicePortCurves) throws Exception {
        CurvePolicy devicePortPolicy = CurvePolicy.parse(devicePortCurves);
        CertificateAuthority root = CaHierarchy.createRoot("Platform Root", devicePortPolicy, Duration.ofDays(30));
        CertificateAuthority tenant = CaHierarchy.createTenantCa(root, TenantId.of("bp-tenant"), CurvePolicy.BRAINPOOL,
                Duration.ofDays(20));
        KeyPair serverKeys = GatewayRequests.newKeyPair(devicePortPolicy.endEntityCurve());
        IssuedCertificate server = root.issueServerCertificate(serverKeys.getPublic(), List.of("localhost"),
                List.of("127.0.0.1"), Duration.ofDays(10));
        KeyPair gatewayKeys = GatewayRequests.newKeyPair(Curve.BRAINPOOL_P256R1);
        GatewayId gateway = GatewayId.of("EDEF0012345678");
        IssuedCertificate tls = tenant.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(gatewayKeys, gateway)),
                gateway, CertificateProfile.GATEWAY_TLS);
        X509CRL crl = tenant.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        TlsEndpoint devicePort = DevicePortTls.server(serverKeys.getPrivate(), server.fullChain(), List.of(root.certificate()),
                () -> List.of(crl));
        AtomicReference<String> peer = new AtomicReference<>("");
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(devicePort.context()) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setSSLParameters(devicePort.parameters());
            }
        });
        https.createContext("/api/device/batches", exchange -> {
            peer.set(((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        https.start();
        try {
            URI url = URI.create("https://localhost:" + https.getAddress().getPort());
            BatchTransport transport = new HttpsBatchTransport(url,
                    DevicePortTls.client(gatewayKeys.getPrivate(), tls.fullChain(), List.of(root.certificate())));

            BatchTransport.Answer answer = transport.post(new byte[] {1, 2, 3});

            assertThat(answer.status()).isEqualTo(200);
            assertThat(peer.get()).isEqualTo("CN=EDEF0012345678,OU=bp-tenant,O=SMGW.Lite");
        } finally {
            https.stop(0);
        }
    }
}
