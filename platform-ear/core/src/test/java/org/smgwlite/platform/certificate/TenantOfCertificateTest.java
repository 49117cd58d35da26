package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;

class TenantOfCertificateTest {

    @Test
    void the_tenant_is_the_subjects_ou_and_a_certificate_without_one_names_none() {
        CertificateAuthority root = CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(2));
        CertificateAuthority tenantCa = CaHierarchy.createTenantCa(root, TenantId.of("stadtwerke-test"), CurvePolicy.NIST, Duration.ofDays(1));

        assertThat(TenantOfCertificate.of(tenantCa.certificate()))
                .contains(TenantId.of("stadtwerke-test"));
        assertThat(TenantOfCertificate.of(root.certificate())).isEmpty();
    }
}
