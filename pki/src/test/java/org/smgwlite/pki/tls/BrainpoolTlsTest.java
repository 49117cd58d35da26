package org.smgwlite.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocket;

import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/**
 * brainpoolP256r1 end to end on real sockets: a brainpool device port (server key, root and tenant CA all
 * brainpool) and a brainpool gateway. The client offers only brainpool key-exchange groups, so a completed
 * handshake proves the group was negotiated.
 */
class BrainpoolTlsTest {

    static final CertificateAuthority ROOT =
            CaHierarchy.createRoot("Brainpool Root", CurvePolicy.BRAINPOOL, Duration.ofDays(365));
    static final CertificateAuthority TENANT =
            CaHierarchy.createTenantCa(ROOT, TenantId.of("bp-1"), CurvePolicy.BRAINPOOL, Duration.ofDays(365));
    static final KeyPair SERVER_KEYS = Keys.generate(Curve.BRAINPOOL_P256R1);
    static final IssuedCertificate SERVER = ROOT.issueServerCertificate(SERVER_KEYS.getPublic(),
            List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(30));
    static final KeyPair GATEWAY_KEYS = Keys.generate(Curve.BRAINPOOL_P256R1);
    static final IssuedCertificate GATEWAY = gatewayCertificate(GATEWAY_KEYS, CertificateProfile.GATEWAY_TLS);

    /** TLS 1.3 on brainpoolP256r1tls13 (RFC 8734), TLS 1.2 on brainpoolP256r1 (RFC 7027): the client offers nothing else. */
    @ParameterizedTest
    @CsvSource({"TLSv1.3, TLS_AES_", "TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_"})
    void brainpoolGatewayCompletesMutualTlsOnBrainpoolGroup(String protocol, String suitePrefix) throws Exception {
        Outcome outcome = handshake(GATEWAY_KEYS, GATEWAY, emptyCrl(), only(protocol));

        assertThat(outcome.serverResult()).as(outcome.toString()).isEqualTo("peer=CN=EDEF0012345678,OU=bp-1,O=SMGW.Lite");
        assertThat(outcome.clientResult()).isEqualTo("ok");
        assertThat(outcome.protocol()).isEqualTo(protocol);
        assertThat(outcome.suite()).startsWith(suitePrefix).contains("_GCM_").isIn(DevicePortTls.CIPHER_SUITES);
    }

    @Test
    void brainpoolGatewayReachesNistDevicePortToo() throws Exception {
        CertificateAuthority nistRoot = CaHierarchy.createRoot("NIST Root", CurvePolicy.NIST, Duration.ofDays(365));
        KeyPair serverKeys = Keys.generate(Curve.P256);
        IssuedCertificate server = nistRoot.issueServerCertificate(serverKeys.getPublic(), List.of("localhost"),
                List.of("127.0.0.1"), Duration.ofDays(30));
        TlsEndpoint devicePort = DevicePortTls.server(serverKeys.getPrivate(), server.fullChain(),
                List.of(nistRoot.certificate(), ROOT.certificate()), emptyCrl());
        TlsEndpoint gateway = DevicePortTls.client(GATEWAY_KEYS.getPrivate(), GATEWAY.fullChain(), List.of(nistRoot.certificate()));

        Outcome outcome = LoopbackHandshake.run(devicePort, gateway, socket -> { });

        assertThat(outcome.serverResult()).as(outcome.toString()).isEqualTo("peer=CN=EDEF0012345678,OU=bp-1,O=SMGW.Lite");
        assertThat(outcome.clientResult()).isEqualTo("ok");
    }

    @Test
    void revokedBrainpoolClientCertificateIsRefused() throws Exception {
        KeyPair keys = Keys.generate(Curve.BRAINPOOL_P256R1);
        IssuedCertificate gateway = gatewayCertificate(keys, CertificateProfile.GATEWAY_TLS);
        X509CRL crl = TENANT.issueCrl(List.of(new RevokedCertificate(gateway.serial(), Instant.now(),
                RevocationReason.KEY_COMPROMISE)), BigInteger.TWO, Duration.ofDays(1));

        Outcome outcome = handshake(keys, gateway, () -> List.of(crl), only("TLSv1.3"));

        assertThat(outcome.serverResult()).as(outcome.toString()).contains("REVOKED").contains("KEY_COMPROMISE");
        assertThat(outcome.clientResult()).startsWith("failed");
    }

    @Test
    void nonAeadSuiteIsRefusedByTheServer() throws Exception {
        Outcome outcome = handshake(GATEWAY_KEYS, GATEWAY, emptyCrl(), socket -> {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
        });

        assertThat(outcome.serverResult()).as(outcome.toString()).startsWith("failed");
        assertThat(outcome.clientResult()).startsWith("failed").contains("handshake_failure");
    }

    static IssuedCertificate gatewayCertificate(KeyPair keys, CertificateProfile profile) {
        Csr csr = Csr.fromDer(TestPki.csrDer(keys, "CN=EDEF0012345678"));
        return TENANT.issueGatewayCertificate(csr, GatewayId.of("EDEF0012345678"), profile);
    }

    static Supplier<Collection<X509CRL>> emptyCrl() {
        X509CRL crl = TENANT.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        return () -> List.of(crl);
    }

    /** The brainpool device port of this test. */
    static TlsEndpoint devicePort(Supplier<Collection<X509CRL>> crls) {
        return DevicePortTls.server(SERVER_KEYS.getPrivate(), SERVER.fullChain(), List.of(ROOT.certificate()), crls);
    }

    /**
     * One protocol, and brainpool groups only, brainpoolP256r1 first (TLS 1.3's and TLS 1.2's code points). The P-384
     * ones stay: Bouncy Castle enables the signature scheme of a curve only with its group, and the CAs are on P-384.
     */
    private static Consumer<SSLSocket> only(String protocol) {
        return socket -> {
            socket.setEnabledProtocols(new String[] {protocol});
            BCSSLSocket bc = (BCSSLSocket) socket;
            BCSSLParameters parameters = bc.getParameters();
            parameters.setNamedGroups(new String[] {"brainpoolP256r1tls13", "brainpoolP256r1", "brainpoolP384r1tls13", "brainpoolP384r1"});
            bc.setParameters(parameters);
        };
    }

    private static Outcome handshake(KeyPair clientKeys, IssuedCertificate client, Supplier<Collection<X509CRL>> crls,
                                     Consumer<SSLSocket> clientSetup) throws Exception {
        TlsEndpoint gateway = DevicePortTls.client(clientKeys.getPrivate(), client.fullChain(), List.of(ROOT.certificate()));
        return LoopbackHandshake.run(devicePort(crls), gateway, clientSetup);
    }
}
