package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.RootFingerprint;

/**
 * An operator's gateway lifecycle in the admin UI, in headless Chromium through Keycloak's login page: a registration
 * refused field by field, then registered; an enrollment code shown once with its agent.properties lines and QR code;
 * the gateway enrolls with that code on the device port; its certificates appear and one is revoked behind the confirm
 * dialog; the renewals page opens; the device port refuses a batch signed with the revoked certificate and the CRL lists
 * it; the audit view shows the gateway's whole story; the CA page shows the tenant CA and the root's fingerprint.
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
            // both errors come with the server's answer (the fields may turn invalid on the client first)
            operator.awaitErrorMessage("register-gateway-id", "gateway id must be");
            operator.awaitErrorMessage("register-household-id", "no household " + othersHousehold);

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

            // the revoked signature certificate: a batch signed with it is refused on the device port, the CRL lists it
            Instant slot = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(12));
            TestGateway.Answer refused = enrolled.upload(ItPlatform.DEVICE, enrolled.sign(new ReadingBatch(gw, Instant.now(),
                    List.of(new BatchValue(household, 7, slot, "1-0:1.8.0*255", BigInteger.valueOf(1_000_000), -1, "Wh", 0, 0)),
                    List.of())));
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(URI.create(ItPlatform.BASE + "/api/crl/"
                    + ItPlatform.TENANT + ".crl").toURL().openStream());
            assertThat(crl.getRevokedCertificate(new BigInteger(signatureSerial, 16))).as("on the CRL").isNotNull();

            // all of it in the audit view, for this gateway
            operator.driver().get(ItPlatform.BASE + "/ui/audit");
            operator.type("audit-gateway", gw);
            operator.awaitGridCell("audit-grid", "CERTIFICATE_REVOKED", true);
            assertThat(operator.gridCells("audit-grid")).contains("GATEWAY_REGISTERED", "ENROLLMENT_CODE_CREATED", "CERTIFICATE_ISSUED",
                    "READING_BATCH_REFUSED");

            // the tenant's CA and the platform root for pinning
            operator.driver().get(ItPlatform.BASE + "/ui/certificate-authority");
            assertThat(operator.await("ca-subject").getText()).contains("MSB CA " + ItPlatform.TENANT);
            assertThat(operator.inputValue("root-sha256")).isEqualTo(RootFingerprint.of(root).toString());
        }
        // a platform admin picks any tenant's CA
        try (Browser admin = new Browser()) {
            admin.signIn(ItPlatform.BASE + "/ui/", "admin", "admin");
            admin.driver().get(ItPlatform.BASE + "/ui/certificate-authority");
            admin.await("ca-tenant").findElement(By.tagName("input")).sendKeys(ItPlatform.TENANT);
            admin.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[contains(., '("
                    + ItPlatform.TENANT + ")')]")), "the tenant in the list").click();
            assertThat(admin.await("ca-subject").getText()).contains("MSB CA " + ItPlatform.TENANT);
        }
        assertThat(ItPlatform.sql("SELECT c.revocation_reason || ' ' || c.profile FROM certificate c JOIN gateway g"
                + " ON g.id = c.gateway_id WHERE g.tenant_id = ? AND g.gateway_id = ? ORDER BY c.id", ItPlatform.TENANT, gw))
                .as("the TLS certificate stays, the signature certificate is revoked").containsExactly(null, "UNSPECIFIED GATEWAY_SIGNATURE");
    }

    @Test
    void the_operator_screens_fit_a_1400_pixel_window() throws Exception {
        try (Browser operator = new Browser("en-US", 1400, 900)) {
            operator.signIn(ItPlatform.BASE + "/ui/", "operator", "operator");
            for (String screen : List.of("households", "tariffs", "gateways", "certificates", "reports", "audit", "certificate-authority")) {
                operator.openAndSettle(ItPlatform.BASE + "/ui/" + screen);
                assertThat(operator.clippedHorizontally("vaadin-grid")).as(screen + ": nothing beyond the window").isEmpty();
                assertThat(operator.gridsScrollingSideways()).as(screen + ": every column visible").isEmpty();
            }
        }
    }
}
