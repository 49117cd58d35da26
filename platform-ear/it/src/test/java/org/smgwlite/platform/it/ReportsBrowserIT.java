package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.report.BillingMonth;

/**
 * The Reports screen in a real browser: an operator calculates the last complete month for the demo tenant, finds the
 * demo household in the overview (TAF 7, then TAF 1 with its stored boundary reading), opens its month and downloads
 * the month's CSV and MSCONS, checking both files' content; the household sees its month values on its own page; the
 * REST calls answer the same under the same access rules and refuse a month that is not one or has not begun.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsBrowserIT {

    private static final String BASE = System.getProperty("smgw.it.baseUrl", "http://localhost:8080");
    private static final String TENANT = "stadtwerke-demo";
    private static final BillingMonth MONTH = new BillingMonth(YearMonth.now(CurveRange.BERLIN).minusMonths(1));
    /** The import register at the month's opening boundary, in 0.1 Wh (scaler -1). */
    private static final long START = 50_000_000L;

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    /** The demo household's month, every quarter hour and the closing reading, +120 (12 Wh) each; its Messlokation. */
    private static String[] demoHouseholdWithTheMonth() throws Exception {
        try (Connection c = DriverManager.getConnection(ItPlatform.DB_URL, "postgres", "postgres");
             Statement s = c.createStatement()) {
            long household;
            String melo;
            try (ResultSet rs = s.executeQuery("SELECT id, messlokation_id FROM household WHERE tenant_id = '" + TENANT
                    + "' AND viewer_username = 'household' ORDER BY id LIMIT 1")) {
                rs.next();
                household = rs.getLong(1);
                melo = rs.getString(2);
            }
            long batch = ReadingRows.batch(c, TENANT, household, "gw-reports-it");
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                        ptb_level, taf, batch_id)
                    SELECT ?, ?, '1-0:1.8.0*255', ?::timestamptz + n * interval '15 minutes', ? + 120 * n, -1, 'Wh', 0, 7, ?
                      FROM generate_series(0, ?) n
                    ON CONFLICT (tenant_id, household_id, obis, slot_start) DO UPDATE
                       SET value_unscaled = EXCLUDED.value_unscaled, scaler = -1, unit = 'Wh', ptb_level = 0,
                           batch_id = EXCLUDED.batch_id""")) {
                ps.setString(1, TENANT);
                ps.setLong(2, household);
                ps.setObject(3, OffsetDateTime.ofInstant(MONTH.start(), ZoneOffset.UTC));
                ps.setLong(4, START);
                ps.setLong(5, batch);
                ps.setInt(6, MONTH.quarterHours());
                ps.executeUpdate();
            }
            return new String[] {String.valueOf(household), melo};
        }
    }

    private static String fetch(Browser browser, String id) {
        String href = browser.await(id).getAttribute("href");
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href));
    }

    @Test
    void an_operator_calculates_a_month_opens_a_household_and_downloads_its_csv_and_mscons() throws Exception {
        String[] demo = demoHouseholdWithTheMonth();
        long id = Long.parseLong(demo[0]);
        String melo = demo[1];

        try (Browser operator = new Browser()) {
            operator.signIn(BASE + "/ui/", "operator", "operator");
            operator.openAndSettle(BASE + "/ui/reports");
            operator.click("reports-calculate");
            new WebDriverWait(operator.driver(), Duration.ofSeconds(120))
                    .until(d -> operator.await("reports-run-state").getText().startsWith("Calculated"));
            operator.type("reports-search", melo);
            operator.awaitGridCell("reports-grid", melo, true);
            assertThat(operator.gridCells("reports-grid")).contains("100.00", "Import");
            operator.click("reports-tab-taf1");
            operator.awaitGridCell("reports-grid", "5,000,000 Wh", true); // the stored opening reading, 50,000,000 x 0.1

            operator.clickGridCell("reports-grid", melo);
            operator.await("report-download-csv"); // the dialog element itself has no box: its content lives in the overlay
            assertThat(operator.await("month-report-import-energy-" + id).getText())
                    .isEqualTo("Energy of the month: " + new DecimalFormat("#,##0.0##", DecimalFormatSymbols.getInstance(
                            Locale.US)).format(BigDecimal.valueOf(12L * MONTH.quarterHours()).movePointLeft(3)) + " kWh");

            String csv = fetch(operator, "report-download-csv");
            assertThat(csv).startsWith("slot_start_utc,slot_start_local,obis,register_reading,unit,interval_energy_wh")
                    .contains(MONTH.start() + ",", ",1-0:1.8.0*255,5000000.0,Wh,", ",status,gap_reason,origin\n");
            assertThat(csv.lines().filter(l -> l.contains(",ok,"))).as("the demo's agent signs its batches")
                    .isNotEmpty().allMatch(l -> l.endsWith(",signed"));
            assertThat(csv.lines().filter(l -> l.contains(",1-0:1.8.0*255,")).count())
                    .as("one line per quarter hour of the month").isEqualTo(MONTH.quarterHours());

            String mscons = fetch(operator, "report-download-mscons");
            assertThat(mscons).as("an EDIFACT MSCONS interchange for the Messlokation, import per quarter hour (OBIS 1.29.0)"
                    + " as true values of 12 Wh = 0.012 kWh").startsWith("UN").contains("MSCONS", melo, "1.29.0", "QTY+220", "0.012");

            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("reports.png"),
                    ((TakesScreenshot) operator.driver()).getScreenshotAs(OutputType.BYTES));
            operator.click("report-dialog-close");
            assertThat(operator.gridsScrollingSideways()).as("the overview fits 1400 px").isEmpty();
        }

        try (Browser phone = new Browser("de-DE", 390, 844)) {
            phone.signIn(BASE + "/ui/", "household", "household");
            assertThat(phone.await("month-report-import-energy-" + id).getText()).startsWith("Energie des Monats: ");
            assertThat(phone.clippedHorizontally("#month-report-" + id)).isEmpty();
        }
    }

    @Test
    void rest_gives_the_run_the_overview_and_a_household_month_under_the_same_rules_and_refuses_a_bad_month()
            throws Exception {
        String[] demo = demoHouseholdWithTheMonth();
        String household = "/households/" + demo[0] + "/reports/" + MONTH;

        HttpResponse<String> started = ItPlatform.tenantCall("operator", TENANT, "POST", "/reports/" + MONTH, "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.body()).contains("\"month\":\"" + MONTH + "\"", "\"status\":");
        HttpResponse<String> overview = ItPlatform.tenantCall("operator", TENANT, "GET",
                "/reports/" + MONTH + "?search=" + demo[1] + "&limit=10", null);
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        assertThat(overview.headers().firstValue("X-Total-Count")).isPresent();

        HttpResponse<String> own = ItPlatform.tenantCall("household", TENANT, "GET", household, null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"expected\":" + MONTH.quarterHours(), "\"kind\":\"TRUE\"",
                "\"energyWh\":" + 12L * MONTH.quarterHours());
        assertThat(ItPlatform.tenantCall("household2", TENANT, "GET", household, null).statusCode())
                .as("another household's user").isEqualTo(404);
        assertThat(ItPlatform.tenantCall("household", TENANT, "GET", "/reports/" + MONTH, null).statusCode())
                .as("the tenant overview is for operators").isEqualTo(403);

        for (String bad : new String[] {"2026-13", "last-month", YearMonth.now(CurveRange.BERLIN).plusMonths(1).toString()}) {
            HttpResponse<String> refused = ItPlatform.tenantCall("operator", TENANT, "GET", "/reports/" + bad, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("month").doesNotContain("Exception");
        }
    }
}
