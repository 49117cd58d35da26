package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;

class CertificateUsabilityTest {

    private static final CertificateAuthority CA = CaHierarchy.createTenantCa(
            CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(30)), TenantId.of("usability-test"),
            CurvePolicy.NIST, Duration.ofDays(20));

    private static GatewayCertificate issued(CertificateProfile profile) {
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        GatewayId id = GatewayId.of("EDEF0000000001");
        return new GatewayCertificate(1, CA.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys, id)), id, profile));
    }

    private static String refusal(GatewayCertificate c, Instant at) {
        try {
            CertificateRecords.requireUsable(c, at);
            return "usable";
        } catch (CertificateRefusedException e) {
            assertThat(e.kind()).isEqualTo(CertificateRefusedException.Kind.FORBIDDEN);
            return e.reason();
        }
    }

    @Test
    void a_current_tls_certificate_is_usable_and_each_fault_is_named() {
        GatewayCertificate tls = issued(CertificateProfile.GATEWAY_TLS);
        Instant now = Instant.now();
        assertThat(refusal(tls, now)).isEqualTo("usable");
        assertThat(refusal(tls, tls.notAfter())).isEqualTo("EXPIRED");
        assertThat(refusal(issued(CertificateProfile.GATEWAY_SIGNATURE), now)).isEqualTo("NOT_A_TLS_CERTIFICATE");
        tls.revoke(now, RevocationReason.KEY_COMPROMISE);
        assertThat(refusal(tls, now)).isEqualTo("REVOKED");
    }
}
