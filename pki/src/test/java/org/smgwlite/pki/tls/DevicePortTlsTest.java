package org.smgwlite.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SSLServerSocket;

import org.junit.jupiter.api.Test;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.pki.tls.LoopbackHandshake.Outcome;

/** Real mutual-TLS handshakes on 127.0.0.1 (ephemeral port) between the device port and a gateway. */
class DevicePortTlsTest {

    private static final CertificateAuthority ROOT = CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(365));
    private static final CertificateAuthority TENANT =
            CaHierarchy.createTenantCa(ROOT, TenantId.of("msb-1"), CurvePolicy.NIST, Duration.ofDays(365));
    private static final KeyPair SERVER_KEYS = Keys.generate(Curve.P256);
    private static final IssuedCertificate SERVER = ROOT.issueServerCertificate(SERVER_KEYS.getPublic(),
            List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(30));

    @Test
    void gatewayAndDevicePortCompleteMutualTlsOnP256() throws Exception {
        KeyPair gatewayKeys = Keys.generate(Curve.P256);
        IssuedCertificate gateway = gatewayCertificate(TENANT, gatewayKeys, CertificateProfile.GATEWAY_TLS);

        Outcome outcome = handshake(gatewayKeys, gateway, () -> List.of(emptyCrl(TENANT)));

        assertThat(outcome.serverResult()).isEqualTo("peer=CN=EDEF0012345678,OU=msb-1,O=SMGW.Lite");
        assertThat(outcome.clientResult()).isEqualTo("ok");
        assertThat(outcome.protocol()).isEqualTo("TLSv1.3");
        assertThat(DevicePortTls.CIPHER_SUITES).contains(outcome.suite());
    }

    @Test
    void tls12ClientGetsAnEcdheEcdsaGcmSuite() throws Exception {
        KeyPair gatewayKeys = Keys.generate(Curve.P256);
        IssuedCertificate gateway = gatewayCertificate(TENANT, gatewayKeys, CertificateProfile.GATEWAY_TLS);

        Outcome outcome = handshake(gatewayKeys, gateway, () -> List.of(emptyCrl(TENANT)), new String[] {"TLSv1.2"});

        assertThat(outcome.clientResult()).isEqualTo("ok");
        assertThat(outcome.protocol()).isEqualTo("TLSv1.2");
        assertThat(outcome.suite()).startsWith("TLS_ECDHE_ECDSA_WITH_AES_").contains("_GCM_").isIn(DevicePortTls.CIPHER_SUITES);
    }

    @Test
    void clientCertificateFromForeignCaIsRefused() throws Exception {
        CertificateAuthority foreignRoot = CaHierarchy.createRoot("Foreign Root", CurvePolicy.NIST, Duration.ofDays(365));
        CertificateAuthority foreign = CaHierarchy.createTenantCa(foreignRoot, TenantId.of("msb-1"), CurvePolicy.NIST,
                Duration.ofDays(365));
        KeyPair keys = Keys.generate(Curve.P256);
        IssuedCertificate impostor = gatewayCertificate(foreign, keys, CertificateProfile.GATEWAY_TLS);

        Outcome outcome = handshake(keys, impostor, () -> List.of(emptyCrl(TENANT), emptyCrl(foreign)));

        assertThat(outcome.serverResult()).contains("UNTRUSTED");
        assertThat(outcome.clientResult()).startsWith("failed");
    }

    @Test
    void revokedClientCertificateIsRefused() throws Exception {
        KeyPair keys = Keys.generate(Curve.P256);
        IssuedCertificate gateway = gatewayCertificate(TENANT, keys, CertificateProfile.GATEWAY_TLS);
        X509CRL crl = TENANT.issueCrl(List.of(new RevokedCertificate(gateway.serial(), Instant.now(),
                RevocationReason.KEY_COMPROMISE)), BigInteger.TWO, Duration.ofDays(1));

        Outcome outcome = handshake(keys, gateway, () -> List.of(crl));

        assertThat(outcome.serverResult()).contains("REVOKED").contains("KEY_COMPROMISE");
        assertThat(outcome.clientResult()).startsWith("failed");
    }

    @Test
    void withoutCrlOfTheIssuingCaNobodyGetsIn() throws Exception {
        KeyPair keys = Keys.generate(Curve.P256);
        IssuedCertificate gateway = gatewayCertificate(TENANT, keys, CertificateProfile.GATEWAY_TLS);

        Outcome outcome = handshake(keys, gateway, List::of);

        assertThat(outcome.serverResult()).contains("REVOCATION_UNKNOWN");
        assertThat(outcome.clientResult()).startsWith("failed");
    }

    @Test
    void signatureCertificateCannotBeUsedForTls() throws Exception {
        KeyPair keys = Keys.generate(Curve.P256);
        IssuedCertificate signing = gatewayCertificate(TENANT, keys, CertificateProfile.GATEWAY_SIGNATURE);

        Outcome outcome = handshake(keys, signing, () -> List.of(emptyCrl(TENANT)));

        assertThat(outcome.serverResult()).contains("clientAuth");
        assertThat(outcome.clientResult()).startsWith("failed");
    }

    /** Why the device port runs on Bouncy Castle's JSSE: SunEC (JDK 17) has no brainpool arithmetic at all. */
    @Test
    void jdk17SunEcCannotGenerateBrainpoolKeys() {
        assertThatThrownBy(() -> KeyPairGenerator.getInstance("EC", "SunEC")
                .initialize(new java.security.spec.ECGenParameterSpec("brainpoolP256r1")))
                .hasMessageContaining("not supported");
    }

    /** Payara's device port is the JDK's TLS stack: the gateway side (Bouncy Castle JSSE) must reach it, 1.3 and 1.2. */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void gatewayReachesADevicePortOnTheJdkTlsStack(String protocol) throws Exception {
        KeyPair gatewayKeys = Keys.generate(Curve.P256);
        IssuedCertificate gateway = gatewayCertificate(TENANT, gatewayKeys, CertificateProfile.GATEWAY_TLS);
        SSLContext jdk = SSLContext.getInstance("TLS", "SunJSSE");
        jdk.init(new KeyManager[] {new FixedKeyManager(sunEcKey(SERVER_KEYS.getPrivate()), jdkCertificates(SERVER.fullChain()))},
                new TrustManager[] {new RevocationCheckingTrustManager(List.of(ROOT.certificate()), () -> List.of(emptyCrl(TENANT)),
                        Clock.systemUTC())}, null);
        SSLParameters parameters = new SSLParameters(DevicePortTls.CIPHER_SUITES.toArray(String[]::new), new String[] {protocol});
        parameters.setNeedClientAuth(true);
        TlsEndpoint payaraLike = new TlsEndpoint(jdk, parameters);
        TlsEndpoint client = DevicePortTls.client(gatewayKeys.getPrivate(), gateway.fullChain(), List.of(ROOT.certificate()));

        Outcome outcome = LoopbackHandshake.run(payaraLike, client, socket -> { });

        assertThat(outcome.serverResult()).as(outcome.toString()).isEqualTo("peer=CN=EDEF0012345678,OU=msb-1,O=SMGW.Lite");
        assertThat(outcome.protocol()).isEqualTo(protocol);
    }

    @Test
    void onlyTls12And13WithEcdsaGcmSuitesAreEnabled() throws IOException {
        TlsEndpoint server = DevicePortTls.server(SERVER_KEYS.getPrivate(), SERVER.fullChain(), List.of(ROOT.certificate()),
                List::of);
        try (SSLServerSocket socket = server.bind(InetAddress.getLoopbackAddress(), 0)) {
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(socket.getEnabledCipherSuites()).containsExactlyInAnyOrderElementsOf(DevicePortTls.CIPHER_SUITES);
            assertThat(socket.getNeedClientAuth()).isTrue();
        }
    }

    private static IssuedCertificate gatewayCertificate(CertificateAuthority ca, KeyPair keys, CertificateProfile profile) {
        Csr csr = Csr.fromDer(TestPki.csrDer(keys, "CN=EDEF0012345678"));
        return ca.issueGatewayCertificate(csr, GatewayId.of("EDEF0012345678"), profile);
    }

    /** SunJSSE signs with SunEC, which takes only its own key objects. */
    private static PrivateKey sunEcKey(PrivateKey key) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", "SunEC").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static List<X509Certificate> jdkCertificates(List<X509Certificate> chain) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", "SUN");
        List<X509Certificate> parsed = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            parsed.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.getEncoded())));
        }
        return parsed;
    }

    private static X509CRL emptyCrl(CertificateAuthority ca) {
        return ca.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
    }

    private static Outcome handshake(KeyPair clientKeys, IssuedCertificate client,
                                     Supplier<Collection<X509CRL>> crls) throws Exception {
        return handshake(clientKeys, client, crls, DevicePortTls.PROTOCOLS.toArray(String[]::new));
    }

    private static Outcome handshake(KeyPair clientKeys, IssuedCertificate client, Supplier<Collection<X509CRL>> crls,
                                     String[] clientProtocols) throws Exception {
        TlsEndpoint server = DevicePortTls.server(SERVER_KEYS.getPrivate(), SERVER.fullChain(), List.of(ROOT.certificate()), crls);
        TlsEndpoint gateway = DevicePortTls.client(clientKeys.getPrivate(), client.fullChain(), List.of(ROOT.certificate()));
        return LoopbackHandshake.run(server, gateway, socket -> socket.setEnabledProtocols(clientProtocols));
    }
}
