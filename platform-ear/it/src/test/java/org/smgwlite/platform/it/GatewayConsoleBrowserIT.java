package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * An operator's gateway lifecycle in the admin UI, in headless Chromium through Keycloak's login page: a registration
 * refused field by field, then registered; an enrollment code shown once with its agent.properties lines and QR code;
 * the gateway enrolls with that code on the device port; its certificates appear and one is revoked behind the confirm
 * dialog; the renewals page opens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayConsoleBrowserIT extends OnDevicePort {

    @Test
    void an_operator_registers_a_gateway_hands_out_its_code_and_revokes_a_certificate() throws Exception {
        String gw = "UIGW" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long household = ItPlatform.newHousehold(ItPlatform.TENANT, "Console " + gw);
        long othersHousehold = ItPlatform.newHousehold("buergerenergie-nord", "Console other " + gw);
        X509Certificate root = PemCredentials.readChain(rootChain).get(0);

        try (Browser operator = new Browser()) {
            operator.signIn(ItPlatform.BASE + "/ui/", "operator", "operator");
            operator.driver().get(ItPlatform.BASE + "/ui/gateways");
            operator.click("gateway-register");
            operator.type("register-gateway-id", "no spaces");
            operator.type("register-household-id", String.valueOf(othersHousehold));
            operator.click("register-save");
            operator.awaitInvalid("register-household-id");
            assertThat(operator.errorMessage("register-gateway-id")).contains("gateway id must be");
            assertThat(operator.errorMessage("register-household-id")).contains("no household " + othersHousehold);

            operator.type("register-gateway-id", gw);
            operator.type("register-household-id", String.valueOf(household));
            operator.click("register-save");
            operator.awaitGridCell("gateways-grid", gw, true);
            operator.clickGridCell("gateways-grid", gw);
            operator.click("gateway-issue-code");
            operator.await("enrollment-code-qr").findElement(By.tagName("svg"));
            String lines = operator.driver().findElement(By.id("enrollment-code-lines")).getDomProperty("value");
            assertThat(lines).contains("platform.tenant=" + ItPlatform.TENANT).contains("gateway.id=" + gw)
                    .contains("platform.root-sha256=").contains("platform.device.url=" + ItPlatform.DEVICE);
            String code = lines.replaceAll("(?s).*enrollment\\.code=([0-9A-Z-]+).*", "$1");
            operator.click("enrollment-code-close");

            TestGateway enrolled = new TestGateway.Platform(ItPlatform.BASE, ItPlatform.DEVICE, ItPlatform.TENANT, root)
                    .enroll(gw, household, code);
            String signatureSerial = enrolled.signatureCertificate().getSerialNumber().toString(16);

            operator.driver().navigate().refresh();
            operator.type("gateways-filter", gw);
            operator.awaitGridCell("gateways-grid", gw, true);
            operator.clickGridCell("gateways-grid", gw);
            operator.awaitGridCell("certificates-grid", signatureSerial, true);
            operator.click("certificate-revoke-" + signatureSerial);
            operator.confirm();
            operator.awaitGridCell("certificates-grid", "revoked (unspecified)", true);

            operator.driver().get(ItPlatform.BASE + "/ui/certificates");
            operator.await("renewals-grid");
        }
        assertThat(ItPlatform.sql("SELECT c.revocation_reason || ' ' || c.profile FROM certificate c JOIN gateway g"
                + " ON g.id = c.gateway_id WHERE g.tenant_id = ? AND g.gateway_id = ? ORDER BY c.id", ItPlatform.TENANT, gw))
                .as("the TLS certificate stays, the signature certificate is revoked").containsExactly(null, "UNSPECIFIED GATEWAY_SIGNATURE");
    }
}
