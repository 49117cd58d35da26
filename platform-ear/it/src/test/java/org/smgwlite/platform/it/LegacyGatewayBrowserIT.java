package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An operator's SMGW.Lite gateway in the admin UI, in headless Chromium: registered in the dialog with its token shown
 * once; the device sends its event log to {@code log.php} as the firmware does (12-byte entries, X-Auth-Token); the
 * Gateways screen then shows its firmware version, meter model and the events with their status codes named, offers
 * no enrollment code for it, and a new token replaces the old one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LegacyGatewayBrowserIT {

    private static final String DOOR = ItPlatform.BASE + "/api/legacy/smgwlite/" + ItPlatform.TENANT + "/";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    @Test
    void an_operator_registers_an_smgwlite_gateway_and_sees_its_firmware_and_named_events() throws Exception {
        String device = LegacyUploadIT.randomId();
        long household = ItPlatform.newHousehold(ItPlatform.TENANT, "SMGW.Lite console " + device);
        long t = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();

        try (Browser operator = new Browser("en-US", 1400, 900)) {
            operator.signIn(ItPlatform.BASE + "/ui/", "operator", "operator");
            operator.driver().get(ItPlatform.BASE + "/ui/gateways");
            operator.click("gateway-register-legacy");
            operator.type("legacy-device-id", device);
            operator.type("legacy-household-id", String.valueOf(household));
            operator.click("legacy-save");
            operator.await("legacy-token");
            String token = operator.inputValue("legacy-token");
            assertThat(operator.inputValue("legacy-endpoint")).endsWith("/api/legacy/smgwlite/" + ItPlatform.TENANT + "/");
            assertThat(token).isNotBlank();
            operator.click("legacy-close");

            // the firmware's log upload: start-up, first NTP sync, an unused slot
            byte[] log = new byte[36];
            LegacyUploadIT.entry(log, 0, t, 1_000, 1001);
            LegacyUploadIT.entry(log, 1, t + 5, 6_005, 1028);
            LegacyUploadIT.entry(log, 2, 0, 0, -1);
            HttpResponse<String> sent = sendLog(device, token, log);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

            operator.driver().navigate().refresh();
            operator.type("legacy-gateways-filter", device);
            operator.awaitGridCell("legacy-gateways-grid", "1.4.2", true);
            assertThat(operator.gridCells("legacy-gateways-grid")).contains(device, "smgwlite-" + device,
                    "ISKRA MT681");
            operator.clickGridCell("legacy-gateways-grid", device);
            operator.awaitGridCell("legacy-events-grid", "1028 first NTP time sync", true);
            assertThat(operator.gridCells("legacy-events-grid")).contains("1001 setup() - device started", "6.005 s")
                    .noneMatch(c -> c.startsWith("-1 "));
            assertThat(operator.await("legacy-details-reported").getText()).contains("Firmware 1.4.2").contains("ISKRA MT681");

            // in the gateways list it has no enrollment code or certificates: its details are the SMGW.Lite section's
            // the SMGW.Lite section sits below the gateways list: back up to the list's filter first
            ((org.openqa.selenium.JavascriptExecutor) operator.driver())
                    .executeScript("document.getElementById('gateways-filter').scrollIntoView()");
            operator.type("gateways-filter", "smgwlite-" + device);
            operator.awaitGridCell("gateways-grid", "smgwlite-" + device, true);
            operator.clickGridCell("gateways-grid", "smgwlite-" + device);
            operator.awaitText("has no enrollment code or certificates");
            assertThat(operator.driver().findElements(By.id("gateway-issue-code")).stream().noneMatch(e -> e.isDisplayed()))
                    .as("no enrollment code for an SMGW.Lite gateway").isTrue();
            operator.awaitGridCell("legacy-events-grid", "1028 first NTP time sync", true);

            // a new token, shown once: the old one stops working
            operator.click("legacy-new-token");
            operator.await("legacy-token");
            String newToken = operator.inputValue("legacy-token");
            assertThat(newToken).isNotBlank().isNotEqualTo(token);
            operator.click("legacy-token-close");
            assertThat(backendTest(device, newToken)).isEqualTo(200);
            assertThat(backendTest(device, token)).isEqualTo(403);
        }
    }

    private static HttpResponse<String> sendLog(String device, String token, byte[] log) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "log.php?ID=" + device + "&token=header&IP=42&fw=1.4.2&cfg=7"
                        + "&model=ISKRA%20MT681")).header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(log)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int backendTest(String device, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "?backend_test=true&ID=" + device))
                .header("X-Auth-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
