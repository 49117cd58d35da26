package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.smgwlite.platform.metering.query.CurveRange;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator's SMGW.Lite gateway in the admin UI, in headless Chromium: registered in the dialog with its token shown
 * once; the device sends its event log to {@code log.php} as the firmware does (12-byte entries, X-Auth-Token); the
 * Gateways screen then shows its firmware version, meter model and the events with their status codes named, offers
 * no enrollment code for it, and a new token replaces the old one. On a phone, the household's day view draws the
 * gateway's readings between the quarter hours as thin lines, in German. An operator imports a PHP backend's {@code clients}
 * file in the import dialog (uploaded, bad lines named, a household picked, the result per line) and sees the imported
 * device's uploads in its details.
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

    @Test
    void on_a_phone_the_day_view_draws_the_readings_between_the_quarter_hours_as_thin_lines_in_german() throws Exception {
        LegacyUploadIT.Device d = LegacyUploadIT.register();
        long t0 = LegacyUploadIT.T0;
        SmgwLiteBuffer b = new SmgwLiteBuffer(8, true, true, true)
                .taf7(t0 + 3, 1_000_000, 2150, 7, 100)
                .taf14(t0 + 60, 1_000_050, 2150, 7, 100)
                .taf14(t0 + 120, 1_000_100, 2150, 7, 101)
                .taf7(t0 + 898, 1_000_700, 2150, 7, 102);
        HttpResponse<String> up = LegacyUploadIT.upload(d, "fields=" + b.fields(), b.sentRanges());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        String id = String.valueOf(d.household());
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(t0), ZoneId.of("Europe/Berlin"));

        try (Browser phone = new Browser("de-DE", 390, 844)) {
            phone.signIn(ItPlatform.BASE + "/ui/", "operator", "operator");
            phone.openAndSettle(ItPlatform.BASE + "/ui/households/" + id + "/curve");
            WebElement chart = phone.await("curve-chart-" + id);
            phone.until(x -> "true".equals(chart.getAttribute("data-rendered")), "the week's chart");
            assertThat(chart.getAttribute("data-hires-points")).as("no thin lines outside the day view").isEqualTo("0");

            phone.click("curve-span-" + id);
            phone.until(x -> x.findElements(By.tagName("vaadin-select-item")).stream()
                    .filter(e -> e.isDisplayed() && "Tag".equals(e.getText().strip())).findFirst().orElse(null), "the item Tag")
                    .click();
            phone.typeDate("curve-date-" + id, DateTimeFormatter.ofPattern("dd.MM.yyyy").format(day));
            // import and export: 3 steps each (T0 to T0 + 60 to T0 + 120 to the slot T0 + 900), each line one run
            phone.until(x -> "6".equals(chart.getAttribute("data-hires-points")), "the thin lines of " + day);
            assertThat(chart.getAttribute("data-points")).isEqualTo(String.valueOf(
                    CurveRange.around(day, CurveRange.Span.DAY, CurveRange.BERLIN).slotCount()));
            assertThat(chart.getText()).contains("Bezug W, hochaufgelöst (SMGW.Lite)", "Einspeisung W, hochaufgelöst (SMGW.Lite)");
            assertThat(phone.await("curve-hires-" + id).getText()).startsWith("Dünne Linien: hochaufgelöst (SMGW.Lite).");
            assertThat(phone.clippedHorizontally("#curve-chart-" + id + ", #curve-hires-" + id + ", #curve-span-" + id
                    + ", #curve-date-" + id)).isEmpty();
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("load-curve-hires-390.png"),
                    ((TakesScreenshot) phone.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void an_operator_imports_a_clients_file_picks_a_household_sees_each_lines_result_and_the_devices_uploads() throws Exception {
        String device = LegacyUploadIT.randomId();
        String unpicked = LegacyUploadIT.randomId();
        String oldToken = "php-token-" + device;
        String name = "Import console " + device;
        long household = ItPlatform.newHousehold(ItPlatform.TENANT, name);
        Path csv = Files.createTempFile("clients", ".csv");
        Files.writeString(csv, "id;device_id;token\n"
                + "1;" + device + ";" + sha256(oldToken) + "\n"      // 2 imported into the picked household
                + "2;TOOLONG;" + sha256("x") + "\n"                 // 3 not a device id
                + "3;" + device + ";" + sha256("again") + "\n"      // 4 twice in the file
                + "4;" + unpicked + ";" + sha256("y") + "\n");      // 5 no household picked

        try (Browser operator = new Browser("en-US", 1400, 900)) {
            operator.signIn(ItPlatform.BASE + "/ui/", "operator", "operator");
            operator.driver().get(ItPlatform.BASE + "/ui/gateways");
            operator.click("legacy-import-open");
            WebElement upload = operator.await("legacy-import-upload");
            upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toAbsolutePath().toString());

            // read on the server: the bad lines with their numbers, a household picker for each device
            operator.awaitGridCell("legacy-import-errors", "Device id twice in the file — device_id '" + device
                    + "' already on line 2", true);
            assertThat(operator.gridCells("legacy-import-errors")).contains("3", "TOOLONG", "4");
            assertThat(operator.await("legacy-import-summary").getText()).startsWith("2 device(s) to import, 2 line(s)");
            operator.await("legacy-import-household-" + device).findElement(By.tagName("input")).sendKeys(name);
            operator.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[contains(., '#"
                    + household + "')]")), "the household in the picker").click();
            operator.click("legacy-import-start");

            operator.awaitGridCell("legacy-import-results", "No household picked — no household given for device " + unpicked, true);
            assertThat(operator.await("legacy-import-summary").getText()).isEqualTo("1 device(s) imported, 3 line(s) not imported.");
            List<String> results = operator.gridCells("legacy-import-results");
            assertThat(results).containsSubsequence("2", device, "imported");
            assertThat(results).containsSubsequence("5", unpicked, "not imported");
            operator.click("legacy-import-close");
            assertThat(ItPlatform.sql("SELECT g.household_id || ' ' || l.token_source FROM legacy_gateway l JOIN gateway g"
                    + " ON g.id = l.gateway_ref WHERE l.tenant_id = ? AND l.device_id IN (?, ?)", ItPlatform.TENANT, device, unpicked))
                    .containsExactly(household + " IMPORTED");

            // the device uploads with its old token; its details list the upload
            long t0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(14)).getEpochSecond();
            byte[] body = new SmgwLiteBuffer(8, false, false, false).taf7(t0, 7_000_000, 0, 0, 0).sentRanges();
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "?ID=" + device + "&fields=ts,m180"))
                    .header("X-Auth-Token", oldToken).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

            operator.driver().navigate().refresh();
            operator.type("legacy-gateways-filter", device);
            operator.awaitGridCell("legacy-gateways-grid", device, true);
            operator.clickGridCell("legacy-gateways-grid", device);
            operator.awaitGridCell("legacy-uploads-grid", "1 / 1 / 0 / 0 / 0", true);
            assertThat(operator.gridCells("legacy-uploads-grid")).contains("200",
                    java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(body.length));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
