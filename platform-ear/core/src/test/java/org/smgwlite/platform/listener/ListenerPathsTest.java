package org.smgwlite.platform.listener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerPathsTest {

    private static final ListenerPaths PRODUCTION = new ListenerPaths(8443, false);

    @Test
    void theDevicePortServesOnlyTheDeviceApiEstAndCrls() {
        assertThat(PRODUCTION.refusal(8443, "/api/device/whoami")).isEmpty();
        assertThat(PRODUCTION.refusal(8443, "/api/device/batches")).isEmpty();
        assertThat(PRODUCTION.refusal(8443, "/api/.well-known/est/msb-1/simpleenroll")).isEmpty();
        assertThat(PRODUCTION.refusal(8443, "/api/.well-known/est/msb-1/cacerts")).isEmpty();
        assertThat(PRODUCTION.refusal(8443, "/api/crl/msb-1.crl")).isEmpty();

        assertThat(PRODUCTION.refusal(8443, "/")).contains("the device port 8443 serves only /api/device/, EST and CRLs");
        assertThat(PRODUCTION.refusal(8443, "/VAADIN/build/app.js")).isPresent();
        assertThat(PRODUCTION.refusal(8443, "/api/tenants/msb-1/gateways")).isPresent();
        assertThat(PRODUCTION.refusal(8443, "/api/info")).isPresent();
    }

    @Test
    void theBrowserPortsServeNeitherTheDeviceApiNorEst() {
        for (int port : new int[] {8080, 8181}) {
            assertThat(PRODUCTION.refusal(port, "/api/device/whoami")).contains("the device API is served on the device port 8443 only");
            assertThat(PRODUCTION.refusal(port, "//api//device/whoami")).isPresent();
            assertThat(PRODUCTION.refusal(port, "/api/.well-known/est/msb-1/simpleenroll"))
                    .contains("EST is served over TLS on the device port 8443 only");
            assertThat(PRODUCTION.refusal(port, "/api/tenants/msb-1/gateways")).isEmpty();
            assertThat(PRODUCTION.refusal(port, "/")).isEmpty();
            assertThat(PRODUCTION.refusal(port, "/api/crl/msb-1.crl")).isEmpty();
        }
    }

    @Test
    void plainHttpEstOnlyInTheNamedDevelopmentMode() {
        ListenerPaths development = new ListenerPaths(8443, true);

        assertThat(development.refusal(8080, "/api/.well-known/est/msb-1/simpleenroll")).isEmpty();
        assertThat(development.refusal(8080, "/api/device/whoami")).isPresent();
        assertThat(development.refusal(8443, "/")).isPresent();
    }
}
