package org.smgwlite.platform.rest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.tls.RootFingerprint;
import org.smgwlite.platform.gateway.NewGatewayEnrollmentCode;
import org.smgwlite.platform.listener.DevicePortSettings;

class EnrollmentCodeViewTest {

    @Test
    void theCodeComesWithTheRootFingerprintAndTheDevicePortUrl() {
        CertificateAuthority root = CaHierarchy.createRoot("Root", CurvePolicy.NIST, Duration.ofDays(30));
        CertificateAuthority tenant = CaHierarchy.createTenantCa(root, TenantId.of("msb-1"), CurvePolicy.NIST, Duration.ofDays(20));
        NewGatewayEnrollmentCode code = new NewGatewayEnrollmentCode("EDEF0012345678", "7KQ2-M9XD-HA3T-0VRC", Instant.EPOCH);

        GatewayResource.EnrollmentCodeView view = GatewayResource.EnrollmentCodeView.of(code, tenant.chain(),
                new DevicePortSettings(8443, URI.create("https://gw.example:8443"), false));

        assertThat(view.rootSha256()).isEqualTo(RootFingerprint.of(root.certificate()).toString());
        assertThat(view.devicePortUrl()).isEqualTo("https://gw.example:8443");
        assertThat(view.code()).isEqualTo("7KQ2-M9XD-HA3T-0VRC");
        assertThat(view.toString()).doesNotContain("7KQ2");
    }
}
