package org.smgwlite.pki.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.profile.CertificateProfile;

class ChainValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    enum Policy {
        NIST(CurvePolicy.NIST), BRAINPOOL(CurvePolicy.BRAINPOOL);
        final CurvePolicy policy;

        Policy(CurvePolicy policy) {
            this.policy = policy;
        }
    }

    private static CertificateAuthority root(CurvePolicy policy) {
        return CaHierarchy.createRoot("Root", policy, Duration.ofDays(3650), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A NIST tenant CA whose root ({@code TestPki.rootOf}) was created at {@link #NOW}. */
    private static CertificateAuthority nistTenant() {
        CertificateAuthority root = root(CurvePolicy.NIST);
        CertificateAuthority ca = CaHierarchy.createTenantCa(root, TenantId.of("tnt"), CurvePolicy.NIST, Duration.ofDays(365));
        TestPki.remember(ca, root);
        return ca;
    }

    private static IssuedCertificate gateway(CertificateAuthority ca, String id) {
        Csr csr = Csr.fromDer(TestPki.csrDer(Keys.generate(ca.policy().endEntityCurve()), "CN=" + id));
        return ca.issueGatewayCertificate(csr, GatewayId.of(id), CertificateProfile.GATEWAY_TLS);
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void crlCarriesNumberAuthorityKeyIdNextUpdateAndReasons(Policy p) throws Exception {
        CertificateAuthority ca = CaHierarchy.createTenantCa(root(p.policy), TenantId.of("tnt"), p.policy, Duration.ofDays(365));
        IssuedCertificate revoked = gateway(ca, "GW-1");

        X509CRL crl = ca.issueCrl(List.of(new RevokedCertificate(revoked.serial(), NOW.minusSeconds(60),
                RevocationReason.KEY_COMPROMISE)), BigInteger.valueOf(7), Duration.ofDays(7));

        crl.verify(ca.certificate().getPublicKey(), Bc.PROVIDER);
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(NOW);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(CrlSigner.number(crl)).isEqualTo(7);
        assertThat(crl.getExtensionValue("2.5.29.35")).isNotNull();
        X509CRLEntry entry = crl.getRevokedCertificate(revoked.serial());
        assertThat(entry).isNotNull();
        assertThat(CrlSigner.reasonOf(entry)).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(crl.isRevoked(gateway(ca, "GW-2").certificate())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void validChainPassesAndRevokedOneIsRefused(Policy p) {
        CertificateAuthority root = root(p.policy);
        CertificateAuthority ca = CaHierarchy.createTenantCa(root, TenantId.of("tnt"), p.policy, Duration.ofDays(365));
        IssuedCertificate good = gateway(ca, "GW-1");
        IssuedCertificate bad = gateway(ca, "GW-2");
        X509CRL crl = ca.issueCrl(List.of(new RevokedCertificate(bad.serial(), NOW, RevocationReason.SUPERSEDED)),
                BigInteger.ONE, Duration.ofDays(1));
        ChainValidator validator = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY);

        assertThat(validator.validate(good.fullChain(), List.of(crl), NOW.plusSeconds(1))).hasSize(2);
        assertRejected(() -> validator.validate(bad.fullChain(), List.of(crl), NOW.plusSeconds(1)),
                CertificateRejectedException.Reason.REVOKED);
    }

    @Test
    void expiredOrMissingOrForgedCrlMeansRevocationUnknown() {
        CertificateAuthority ca = nistTenant();
        CertificateAuthority root = TestPki.rootOf(ca);
        CertificateAuthority impostor = CaHierarchy.createTenantCa(root(CurvePolicy.NIST), TenantId.of("tnt"), CurvePolicy.NIST,
                Duration.ofDays(365));
        IssuedCertificate good = gateway(ca, "GW-1");
        X509CRL crl = ca.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        X509CRL forged = impostor.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        ChainValidator validator = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY);

        assertRejected(() -> validator.validate(good.fullChain(), List.of(crl), NOW.plus(Duration.ofDays(2))),
                CertificateRejectedException.Reason.REVOCATION_UNKNOWN);
        assertRejected(() -> validator.validate(good.fullChain(), List.of(), NOW),
                CertificateRejectedException.Reason.REVOCATION_UNKNOWN);
        assertThatThrownBy(() -> validator.validate(good.fullChain(), List.of(forged), NOW.plusSeconds(1)))
                .hasMessageContaining("does not verify");
    }

    @Test
    void brainpoolCertificatesParsedByTheJdkValidate() throws Exception {
        // a servlet container hands over client certificates read by the JDK, whose providers cannot verify brainpool
        CertificateAuthority root = root(CurvePolicy.NIST);
        CertificateAuthority ca = CaHierarchy.createTenantCa(root, TenantId.of("tbp"), CurvePolicy.BRAINPOOL, Duration.ofDays(365));
        IssuedCertificate gw = gateway(ca, "GW-BP");
        java.security.cert.CertificateFactory jdk = java.security.cert.CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new java.util.ArrayList<>();
        for (X509Certificate c : gw.fullChain()) {
            chain.add((X509Certificate) jdk.generateCertificate(new java.io.ByteArrayInputStream(c.getEncoded())));
        }
        assertThat(chain.get(0).getClass().getName()).startsWith("sun.security");
        X509CRL crl = ca.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        ChainValidator validator = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY);

        assertThat(validator.validate(chain, List.of(crl), NOW.plusSeconds(1))).hasSize(2);
    }

    @Test
    void fullChainScopeChecksTheTenantCaAgainstTheRootCrl() {
        CertificateAuthority ca = nistTenant();
        CertificateAuthority root = TestPki.rootOf(ca);
        IssuedCertificate good = gateway(ca, "GW-1");
        X509CRL tenantCrl = ca.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        X509CRL rootCrl = root.issueCrl(List.of(new RevokedCertificate(ca.certificate().getSerialNumber(), NOW,
                RevocationReason.CA_COMPROMISE)), BigInteger.ONE, Duration.ofDays(30));
        ChainValidator full = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.FULL_CHAIN);
        ChainValidator leafOnly = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY);

        assertThatThrownBy(() -> full.validate(good.fullChain(), List.of(tenantCrl, rootCrl), NOW.plusSeconds(1)))
                .isInstanceOf(CertificateRejectedException.class)
                .hasMessageContaining("MSB CA t").hasMessageContaining("CA_COMPROMISE");
        assertThat(leafOnly.validate(good.fullChain(), List.of(tenantCrl, rootCrl), NOW.plusSeconds(1))).hasSize(2);
    }

    @Test
    void foreignRootAndExpiryAreRefused() {
        CertificateAuthority ca = nistTenant();
        CertificateAuthority root = TestPki.rootOf(ca);
        IssuedCertificate good = gateway(ca, "GW-1");
        X509CRL crl = ca.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(5000));
        ChainValidator foreign = new ChainValidator(List.of(root(CurvePolicy.NIST).certificate()),
                ChainValidator.RevocationScope.END_ENTITY);
        ChainValidator ours = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY);

        assertRejected(() -> foreign.validate(good.fullChain(), List.of(crl), NOW.plusSeconds(1)),
                CertificateRejectedException.Reason.UNTRUSTED);
        assertRejected(() -> ours.validate(good.fullChain(), List.of(crl), NOW.plus(Duration.ofDays(800))),
                CertificateRejectedException.Reason.EXPIRED);
    }

    @Test
    void reenrollmentCheckWantsAClientCertificateAndYieldsItsGatewayId() {
        CertificateAuthority ca = nistTenant();
        CertificateAuthority root = TestPki.rootOf(ca);
        IssuedCertificate tls = gateway(ca, "GW-7");
        Csr csr = Csr.fromDer(TestPki.csrDer(Keys.generate(ca.policy().endEntityCurve()), "CN=GW-7"));
        IssuedCertificate signing = ca.issueGatewayCertificate(csr, GatewayId.of("GW-7"), CertificateProfile.GATEWAY_SIGNATURE);
        X509CRL crl = ca.issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        ChainValidator validator = new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY);

        List<java.security.cert.X509Certificate> path = validator.validateClientCertificate(tls.fullChain(), List.of(crl), NOW.plusSeconds(1));
        assertThat(GatewayId.fromCertificate(path.get(0))).isEqualTo(GatewayId.of("GW-7"));
        assertThatThrownBy(() -> validator.validateClientCertificate(signing.fullChain(), List.of(crl), NOW.plusSeconds(1)))
                .hasMessageContaining("clientAuth");
        assertThatThrownBy(() -> GatewayId.fromCertificate(ca.certificate())).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                       CertificateRejectedException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CertificateRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
