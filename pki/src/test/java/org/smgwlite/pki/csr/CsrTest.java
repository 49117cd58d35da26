package org.smgwlite.pki.csr;

import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.crl.CertificateRejectedException;
import org.smgwlite.pki.profile.CertificateProfile;

/** Every way a request can be bad is refused with a reason, and nothing is issued for it. */
class CsrTest {

    private static final GatewayId GATEWAY = GatewayId.of("EDEF0012345678");
    private static final CertificateAuthority NIST_CA = TestPki.tenantCa(CurvePolicy.NIST, "msb-nist");
    private static final CertificateAuthority BRAINPOOL_CA = TestPki.tenantCa(CurvePolicy.BRAINPOOL, "msb-bp");

    @Test
    void validRequestExposesKeyAndCommonName() {
        Csr csr = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678,O=Gateway"));
        assertThat(csr.commonName()).contains("EDEF0012345678");
        assertThat(csr.subject()).isEqualTo("O=Gateway,CN=EDEF0012345678");
        assertThat(csr.publicKey().getAlgorithm()).isIn("EC", "ECDSA");
    }

    @Test
    void garbageIsMalformed() {
        assertRejected(() -> Csr.fromDer(new byte[] {0x30, 0x03, 0x02, 0x01}), CsrRejectedException.Reason.MALFORMED);
        assertRejected(() -> Csr.fromDer("hello".getBytes()), CsrRejectedException.Reason.MALFORMED);
        assertRejected(() -> Csr.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
                CsrRejectedException.Reason.MALFORMED);
    }

    @Test
    void truncatedOrTrailingDataIsMalformed() {
        byte[] der = TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678");
        assertRejected(() -> Csr.fromDer(Arrays.copyOf(der, der.length - 5)), CsrRejectedException.Reason.MALFORMED);
        assertRejected(() -> Csr.fromDer(Arrays.copyOf(der, der.length + 3)), CsrRejectedException.Reason.MALFORMED);
    }

    @Test
    void unsignedRequestInfoAloneIsMalformed() {
        CertificationRequest request = CertificationRequest.getInstance(
                TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678"));
        assertRejected(() -> Csr.fromDer(request.getCertificationRequestInfo().getEncoded()),
                CsrRejectedException.Reason.MALFORMED);
    }

    @Test
    void emptySignatureDoesNotVerify() throws Exception {
        CertificationRequest request = CertificationRequest.getInstance(
                TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678"));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(request.getCertificationRequestInfo());
        v.add(request.getSignatureAlgorithm());
        v.add(new DERBitString(new byte[0]));
        byte[] unsigned = new DERSequence(v).getEncoded();
        assertRejected(() -> Csr.fromDer(unsigned), CsrRejectedException.Reason.BAD_SIGNATURE);
    }

    @Test
    void signatureByAnotherKeyDoesNotVerify() throws Exception {
        CertificationRequest good = CertificationRequest.getInstance(
                TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678"));
        CertificationRequest other = CertificationRequest.getInstance(
                TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678"));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(good.getCertificationRequestInfo());
        v.add(good.getSignatureAlgorithm());
        v.add(other.getSignature());
        byte[] forged = new DERSequence(v).getEncoded();
        assertRejected(() -> Csr.fromDer(forged), CsrRejectedException.Reason.BAD_SIGNATURE);
    }

    @Test
    void flippedBitInSubjectBreaksSignature() {
        byte[] der = TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678");
        int at = indexOf(der, "EDEF0012345678".getBytes());
        der[at] = 'X';
        assertRejected(() -> Csr.fromDer(der), CsrRejectedException.Reason.BAD_SIGNATURE);
    }

    @Test
    void rsaKeyIsVerifiedThenRefusedByPolicy() {
        Csr csr = Csr.fromDer(TestPki.csrDer(TestPki.rsaKeys(), "CN=EDEF0012345678"));
        assertThatThrownBy(() -> NIST_CA.issueGatewayCertificate(csr, GATEWAY, CertificateProfile.GATEWAY_TLS))
                .isInstanceOfSatisfying(CsrRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CsrRejectedException.Reason.KEY_NOT_ALLOWED))
                .hasMessageContaining("RSA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp192r1", "secp224r1", "secp384r1", "secp521r1", "brainpoolP384r1"})
    void weakOrWrongCurvesAreRefused(String curve) {
        Csr csr = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys(curve), "CN=EDEF0012345678"));
        assertThatThrownBy(() -> NIST_CA.issueGatewayCertificate(csr, GATEWAY, CertificateProfile.GATEWAY_TLS))
                .isInstanceOfSatisfying(CsrRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CsrRejectedException.Reason.KEY_NOT_ALLOWED));
    }

    @Test
    void p192IsNamedInTheMessage() {
        Csr csr = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("secp192r1"), "CN=EDEF0012345678"));
        assertThatThrownBy(() -> NIST_CA.issueGatewayCertificate(csr, GATEWAY, CertificateProfile.GATEWAY_TLS))
                .hasMessageContaining("P-192");
    }

    @Test
    void curveOfTheOtherPolicyIsRefused() {
        Csr brainpool = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("brainpoolP256r1"), "CN=EDEF0012345678"));
        Csr nist = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678"));
        assertThatThrownBy(() -> NIST_CA.issueGatewayCertificate(brainpool, GATEWAY, CertificateProfile.GATEWAY_TLS))
                .hasMessageContaining("requires secp256r1");
        assertThatThrownBy(() -> BRAINPOOL_CA.issueGatewayCertificate(nist, GATEWAY, CertificateProfile.GATEWAY_TLS))
                .hasMessageContaining("requires brainpoolP256r1");
    }

    @Test
    void subjectNamingAnotherGatewayIsRefused() {
        Csr csr = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0099999999"));
        assertThatThrownBy(() -> NIST_CA.issueGatewayCertificate(csr, GATEWAY, CertificateProfile.GATEWAY_TLS))
                .isInstanceOfSatisfying(CsrRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CsrRejectedException.Reason.SUBJECT_MISMATCH))
                .hasMessageContaining("EDEF0099999999").hasMessageContaining("EDEF0012345678");
    }

    @Test
    void subjectWithoutOrWithTwoCommonNamesIsRefused() {
        Csr none = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("secp256r1"), "O=EDEF0012345678"));
        Csr two = Csr.fromDer(TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678,CN=OTHER"));
        assertRejected(() -> NIST_CA.issueGatewayCertificate(none, GATEWAY, CertificateProfile.GATEWAY_TLS),
                CsrRejectedException.Reason.SUBJECT_MISMATCH);
        assertRejected(() -> NIST_CA.issueGatewayCertificate(two, GATEWAY, CertificateProfile.GATEWAY_TLS),
                CsrRejectedException.Reason.SUBJECT_MISMATCH);
    }

    @Test
    void aGatewayMakesItsKeysOnTheCurveOfTheTenantCaThatChainsToItsRoot() {
        CertificateAuthority nistRoot = TestPki.rootOf(NIST_CA);
        CertificateAuthority brainpoolUnderNistRoot = CaHierarchy.createTenantCa(nistRoot, TenantId.of("msb-bp-mixed"),
                CurvePolicy.BRAINPOOL, Duration.ofDays(30));
        Instant now = Instant.now();

        assertThat(GatewayRequests.keyCurveFor(BRAINPOOL_CA.chain(), List.of(TestPki.rootOf(BRAINPOOL_CA).certificate()), now))
                .isEqualTo(Curve.BRAINPOOL_P256R1);
        assertThat(GatewayRequests.keyCurveFor(brainpoolUnderNistRoot.chain(), List.of(nistRoot.certificate()), now))
                .as("the tenant CA's key decides, not the root's").isEqualTo(Curve.BRAINPOOL_P256R1);
        assertThat(GatewayRequests.keyCurveFor(NIST_CA.chain(), List.of(nistRoot.certificate()), now)).isEqualTo(Curve.P256);
        KeyPair brainpoolKeys = GatewayRequests.newKeyPair(GatewayRequests.keyCurveFor(BRAINPOOL_CA.chain(),
                List.of(TestPki.rootOf(BRAINPOOL_CA).certificate()), now));
        assertThat(BRAINPOOL_CA.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(brainpoolKeys, GATEWAY)), GATEWAY,
                CertificateProfile.GATEWAY_TLS).certificate()).isNotNull();
    }

    @Test
    void aTenantCaOfAnotherRootOrAnEndEntityCertificateDecidesNothing() {
        List<X509Certificate> foreignRoot = List.of(TestPki.rootOf(NIST_CA).certificate());
        assertThatThrownBy(() -> GatewayRequests.keyCurveFor(BRAINPOOL_CA.chain(), foreignRoot, Instant.now()))
                .isInstanceOf(CertificateRejectedException.class);
        X509Certificate leaf = NIST_CA.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(
                GatewayRequests.newKeyPair(Curve.P256), GATEWAY)), GATEWAY, CertificateProfile.GATEWAY_TLS).certificate();
        assertThatThrownBy(() -> GatewayRequests.keyCurveFor(List.of(leaf, NIST_CA.certificate()), foreignRoot, Instant.now()))
                .isInstanceOf(CertificateRejectedException.class).hasMessageContaining("is not a CA certificate");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                       CsrRejectedException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CsrRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Where {@code needle} starts in {@code haystack} (ISO-8859-1 maps each byte to one char). */
    private static int indexOf(byte[] haystack, byte[] needle) {
        int at = new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
        if (at < 0) {
            throw new IllegalArgumentException("not found");
        }
        return at;
    }
}
