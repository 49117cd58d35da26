package org.smgwlite.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.tls.RootFingerprint;
import org.smgwlite.platform.listener.DevicePortSettings;

class EnrollmentHandoutTest {

    private static final CertificateAuthority ROOT = CaHierarchy.createRoot("Root", CurvePolicy.NIST, Duration.ofDays(30));
    private static final CertificateAuthority TENANT_CA = CaHierarchy.createTenantCa(ROOT, TenantId.of("msb-1"), CurvePolicy.NIST,
            Duration.ofDays(20));

    private final EnrollmentHandout handout = EnrollmentHandout.of(TenantId.of("msb-1"),
            new NewGatewayEnrollmentCode("EDEF0012345678", "7KQ2-M9XD-HA3T-0VRC", Instant.parse("2026-12-07T12:00:00Z")),
            TENANT_CA.chain(), new DevicePortSettings(8443, URI.create("https://gw.example:8443"), false));

    @Test
    void the_owner_gets_every_setting_the_agent_enrolls_with_pinned_to_the_platform_root() throws Exception {
        Properties agent = new Properties();
        agent.load(new StringReader(String.join("\n", handout.agentProperties())));

        assertThat(agent).containsEntry("platform.url", "https://gw.example:8443")
                .containsEntry("platform.device.url", "https://gw.example:8443")
                .containsEntry("platform.tenant", "msb-1")
                .containsEntry("gateway.id", "EDEF0012345678")
                .containsEntry("enrollment.code", "7KQ2-M9XD-HA3T-0VRC")
                .containsEntry("platform.root-sha256", RootFingerprint.of(ROOT.certificate()).toString());
        assertThat(handout.agentProperties().get(0)).contains("2026-12-07T12:00:00Z");
    }

    @Test
    void the_code_stays_out_of_logs() {
        assertThat(handout.toString()).doesNotContain("7KQ2").contains("EDEF0012345678");
    }
}
