package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;

class CertificatePemTest {

    @ParameterizedTest
    @EnumSource(value = Curve.class, names = {"P256", "BRAINPOOL_P256R1"})
    void the_operator_sees_the_curve_of_the_stored_certificate(Curve curve) {
        CurvePolicy policy = curve.isBrainpool() ? CurvePolicy.BRAINPOOL : CurvePolicy.NIST;
        CertificateAuthority ca = CaHierarchy.createTenantCa(CaHierarchy.createRoot("Test Root", policy, Duration.ofDays(30)),
                TenantId.of("curve-test"), policy, Duration.ofDays(20));
        GatewayId id = GatewayId.of("EDEF0000000002");
        GatewayCertificate stored = new GatewayCertificate(1, ca.issueGatewayCertificate(
                Csr.fromDer(GatewayRequests.csrDer(GatewayRequests.newKeyPair(curve), id)), id, CertificateProfile.GATEWAY_TLS));

        assertThat(stored.curve()).isEqualTo(curve);
        assertThat(stored.pemFileName()).isEqualTo("EDEF0000000002-gateway-tls-" + stored.serialHex() + ".pem");
    }
}
