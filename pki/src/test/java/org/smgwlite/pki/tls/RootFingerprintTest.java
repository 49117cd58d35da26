package org.smgwlite.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;

class RootFingerprintTest {

    private static final CertificateAuthority ROOT = CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(30));

    @Test
    void parsesTheFormsOperatorsCopyAndPrintsOpensslStyle() {
        RootFingerprint fingerprint = RootFingerprint.of(ROOT.certificate());

        assertThat(RootFingerprint.parse(" " + fingerprint + " ")).isEqualTo(fingerprint);
        assertThat(RootFingerprint.parse(fingerprint.hex().toUpperCase())).isEqualTo(fingerprint);
        assertThat(fingerprint.toString()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void refusesWhatIsNoSha256Fingerprint() {
        assertThatThrownBy(() -> RootFingerprint.parse("AB:CD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void picksOnlyTheSelfSignedCertificateWithTheFingerprint() {
        CertificateAuthority tenant = CaHierarchy.createTenantCa(ROOT, TenantId.of("msb-1"), CurvePolicy.NIST, Duration.ofDays(20));
        List<X509Certificate> cacerts = tenant.chain();

        assertThat(RootFingerprint.of(ROOT.certificate()).pick(cacerts)).contains(ROOT.certificate());
        assertThat(RootFingerprint.of(tenant.certificate()).pick(cacerts)).isEmpty();
    }
}
