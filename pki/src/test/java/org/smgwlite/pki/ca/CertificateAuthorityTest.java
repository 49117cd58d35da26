package org.smgwlite.pki.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.pki.profile.ExtendedKeyUsage;

class CertificateAuthorityTest {

    private static final String CLIENT_AUTH = ExtendedKeyUsage.CLIENT_AUTH.oid();

    enum Policy {
        NIST(CurvePolicy.NIST), BRAINPOOL(CurvePolicy.BRAINPOOL);
        final CurvePolicy policy;

        Policy(CurvePolicy policy) {
            this.policy = policy;
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void rootAndTenantCaHaveCaExtensionsAndPolicyCurves(Policy p) throws Exception {
        CertificateAuthority tenant = TestPki.tenantCa(p.policy, "stadtwerke-a");
        X509Certificate root = tenant.root();
        X509Certificate sub = tenant.certificate();

        assertThat(tenant.chain()).hasSize(2);
        assertThat(Curve.of(root.getPublicKey())).isEqualTo(p.policy.caCurve());
        assertThat(Curve.of(sub.getPublicKey())).isEqualTo(p.policy.caCurve());
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(sub.getBasicConstraints()).isEqualTo(0);
        assertThat(root.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(sub.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(sub.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(sub.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(sub.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(sub.getSubjectX500Principal().getName()).isEqualTo("CN=MSB CA stadtwerke-a,OU=stadtwerke-a,O=SMGW.Lite");
        assertThat(tenant.tenant()).contains(TenantId.of("stadtwerke-a"));
        assertThat(sub.getSigAlgName()).contains("SHA384");
        sub.verify(root.getPublicKey(), Bc.PROVIDER);
        root.verify(root.getPublicKey(), Bc.PROVIDER);
        assertThat(keyIdentifier(sub, "2.5.29.35")).isEqualTo(keyIdentifier(root, "2.5.29.14"));
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void issuesGatewayTlsCertificateOnPolicyCurve(Policy p) throws Exception {
        CertificateAuthority ca = TestPki.tenantCa(p.policy, "msb-1");
        KeyPair keys = Keys.generate(p.policy.endEntityCurve());
        Csr csr = Csr.fromDer(TestPki.csrDer(keys, "CN=EDEF0012345678,O=ignored"));

        IssuedCertificate issued = ca.issueGatewayCertificate(csr, GatewayId.of("EDEF0012345678"), CertificateProfile.GATEWAY_TLS);
        X509Certificate cert = issued.certificate();

        cert.verify(ca.certificate().getPublicKey(), Bc.PROVIDER);
        assertThat(cert.getPublicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(issued.subject()).isEqualTo("CN=EDEF0012345678,OU=msb-1,O=SMGW.Lite");
        assertThat(issued.gatewayId()).contains(GatewayId.of("EDEF0012345678"));
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(cert.getKeyUsage()).startsWith(true, false, false, false, false, false, false);
        assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(cert.getNonCriticalExtensionOIDs()).contains("2.5.29.14", "2.5.29.35", "2.5.29.37");
        assertThat(keyIdentifier(cert, "2.5.29.35")).isEqualTo(keyIdentifier(ca.certificate(), "2.5.29.14"));
        assertThat(cert.getSigAlgName()).contains("SHA384");
        assertThat(issued.fullChain()).hasSize(3);
        assertThat(issued.sha256Fingerprint()).hasSize(64);
        assertThat(issued.auditSummary()).contains("serial=" + issued.serialHex(), "gateway=EDEF0012345678", "sha256=");
        assertThat(issued.notAfter()).isBefore(issued.notBefore().plus(Duration.ofDays(2 * 365 + 1)));
    }

    @Test
    void signatureCertificateHasContentCommitmentAndDocumentSigning() throws Exception {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.BRAINPOOL, "msb-1");
        Csr csr = Csr.fromDer(TestPki.csrDer(Keys.generate(Curve.BRAINPOOL_P256R1), "CN=GW-1"));

        X509Certificate cert = ca.issueGatewayCertificate(csr, GatewayId.of("GW-1"), CertificateProfile.GATEWAY_SIGNATURE)
                .certificate();

        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(cert.getExtendedKeyUsage()).containsExactly(ExtendedKeyUsage.DOCUMENT_SIGNING.oid());
    }

    @Test
    void serialsAre128BitRandomPositiveAndDistinct() {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "msb-1");
        Csr csr = Csr.fromDer(TestPki.csrDer(Keys.generate(Curve.P256), "CN=GW-1"));
        Set<BigInteger> serials = new HashSet<>();
        int longOnes = 0;
        for (int i = 0; i < 50; i++) {
            BigInteger serial = ca.issueGatewayCertificate(csr, GatewayId.of("GW-1"), CertificateProfile.GATEWAY_TLS).serial();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            if (serial.bitLength() > 120) {
                longOnes++;
            }
            serials.add(serial);
        }
        assertThat(serials).hasSize(50);
        assertThat(longOnes).as("random 128-bit values mostly use the top byte").isGreaterThan(40);
    }

    @Test
    void serverCertificateCarriesHostNamesAndServerAuth() throws Exception {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "platform");
        IssuedCertificate issued = ca.issueServerCertificate(Keys.generate(Curve.P256).getPublic(),
                List.of("devices.smgw.example", "localhost"), List.of("127.0.0.1"), Duration.ofDays(90));

        X509Certificate cert = issued.certificate();
        assertThat(cert.getExtendedKeyUsage()).containsExactly(ExtendedKeyUsage.SERVER_AUTH.oid());
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> String.valueOf(n.get(1)))
                .containsExactly("devices.smgw.example", "localhost", "127.0.0.1");
        assertThat(issued.subject()).startsWith("CN=devices.smgw.example");
        assertThat(issued.gatewayId()).isEmpty();
    }

    @Test
    void certificateNeverOutlivesItsIssuer() {
        CertificateAuthority root = CaHierarchy.createRoot("Short Root", CurvePolicy.NIST, Duration.ofDays(30));
        CertificateAuthority tenant = CaHierarchy.createTenantCa(root, TenantId.of("tnt"), CurvePolicy.NIST, Duration.ofDays(3650));
        assertThat(tenant.certificate().getNotAfter()).isEqualTo(root.certificate().getNotAfter());
    }

    @Test
    void refusesKeyThatDoesNotBelongToCertificate() {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "msb-1");
        assertThatThrownBy(() -> CertificateAuthority.of(ca.chain(), Keys.generate(Curve.P384).getPrivate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void refusesEndEntityCertificateAsCa() {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "msb-1");
        KeyPair keys = Keys.generate(Curve.P256);
        IssuedCertificate leaf = ca.issueGatewayCertificate(Csr.fromDer(TestPki.csrDer(keys, "CN=GW-1")),
                GatewayId.of("GW-1"), CertificateProfile.GATEWAY_TLS);
        assertThatThrownBy(() -> CertificateAuthority.of(leaf.fullChain(), keys.getPrivate()))
                .hasMessageContaining("not a CA certificate");
    }

    @Test
    void caWithMixedFamilyRootIssuesByTenantPolicy() throws Exception {
        CertificateAuthority root = CaHierarchy.createRoot("Root", CurvePolicy.NIST, Duration.ofDays(3650));
        CertificateAuthority tenant = CaHierarchy.createTenantCa(root, TenantId.of("bpl"), CurvePolicy.BRAINPOOL, Duration.ofDays(365));
        assertThat(tenant.policy()).isEqualTo(CurvePolicy.BRAINPOOL);
        tenant.certificate().verify(root.certificate().getPublicKey(), Bc.PROVIDER);
    }

    private static byte[] keyIdentifier(X509Certificate cert, String oid) {
        byte[] octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(cert.getExtensionValue(oid)).getOctets();
        if (oid.equals("2.5.29.14")) {
            return org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(octets).getKeyIdentifier();
        }
        return org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(octets).getKeyIdentifierObject().getOctets();
    }
}
