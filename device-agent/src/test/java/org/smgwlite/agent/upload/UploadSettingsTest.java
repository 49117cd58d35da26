package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.agent.AgentConfig;

class UploadSettingsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty("source", "simulate");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void upload_is_off_without_a_platform_url() {
        assertThat(AgentConfig.parse(props(), Path.of("/etc/smgw")).upload()).isNull();
    }

    @Test
    void a_platform_url_needs_device_port_tenant_gateway_and_root() {
        AgentConfig c = AgentConfig.parse(props("platform.url", "https://platform.example:8181",
                "platform.device.url", "https://platform.example:8443", "platform.tenant", "stadtwerke-demo",
                "gateway.id", "EDEF0012345678", "platform.root", "root.pem", "enrollment.code", "7KQ2-M9XD-HA3T-0VRC"),
                Path.of("/etc/smgw"));
        assertThat(c.upload().rootPem()).isEqualTo(Path.of("/etc/smgw/root.pem"));
        assertThat(c.upload().credentialDir()).isEqualTo(Path.of("/etc/smgw/agent-data/credentials"));
        assertThat(c.upload().tenant()).isEqualTo("stadtwerke-demo");
        assertThat(c.summary()).doesNotContain("7KQ2");

        assertThatThrownBy(() -> AgentConfig.parse(props("platform.url", "https://platform.example:8181"), Path.of("/etc/smgw")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform.device.url is required");
    }
}
