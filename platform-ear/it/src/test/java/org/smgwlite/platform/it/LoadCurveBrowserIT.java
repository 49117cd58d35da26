package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smgwlite.platform.metering.query.CurveRange;

/**
 * The household's own page in a real browser: it opens on the week of the last complete day (yesterday's readings,
 * closed by today's midnight reading), with the uPlot chart, the daily energy bars, the newest readings and the CSV
 * export run in the background and downloaded; in German for a German browser; without anything cut off on a phone;
 * a household URL of another tenant is a plain "not found" page; and REST gives the same daily energy and newest
 * readings under the same access rules.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadCurveBrowserIT {

    private static final String BASE = System.getProperty("smgw.it.baseUrl", "http://localhost:8080");
    private static final String TENANT = "stadtwerke-demo";

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    /** Yesterday (Berlin): the last complete day once today's midnight reading is in. */
    private static final LocalDate YESTERDAY = LocalDate.now(CurveRange.BERLIN).minusDays(1);
    /** The week the page opens on: the one holding the last complete day. */
    private static final CurveRange OPENING_WEEK = CurveRange.around(YESTERDAY, CurveRange.Span.WEEK, CurveRange.BERLIN);

    /**
     * Readings of the demo household for yesterday and the midnight that closes it, as a gateway delivers them the
     * day after (TAF 7); rewritten on every run. Returns the household's id.
     */
    private static long demoHouseholdWithYesterdaysReadings() throws Exception {
        try (Connection c = DriverManager.getConnection(ItPlatform.DB_URL, "postgres", "postgres");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('meter_reading')")) {
                rs.next();
                Assumptions.assumeTrue(rs.getString(1) != null, "the metering migration (V3) is not in this build");
            }
            long household;
            try (ResultSet rs = s.executeQuery("SELECT id FROM household WHERE tenant_id = '" + TENANT
                    + "' AND viewer_username = 'household' ORDER BY id LIMIT 1")) {
                rs.next();
                household = rs.getLong(1);
            }
            long batch = ReadingRows.batch(c, TENANT, household, "gw-browser-it");
            Instant start = CurveRange.around(YESTERDAY, CurveRange.Span.DAY, CurveRange.BERLIN).from();
            // Other tests' gateways may have stored this day already (which day is "yesterday" in Berlin depends on the
            // hour): their readings go first, so that the delete and insert triggers rebuild the chart's day rows (an
            // upsert's update would leave them stale).
            try (PreparedStatement del = c.prepareStatement("DELETE FROM meter_reading WHERE tenant_id = ? AND household_id = ?"
                    + " AND slot_start >= ? AND slot_start <= ?")) {
                del.setString(1, TENANT);
                del.setLong(2, household);
                del.setObject(3, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
                del.setObject(4, OffsetDateTime.ofInstant(start.plusSeconds(900L * 96), ZoneOffset.UTC));
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                        ptb_level, taf, batch_id) VALUES (?, ?, ?, ?, ?, -1, 'Wh', 0, 7, ?)""")) {
                long imported = 10_000_000L;
                long exported = 10_000_000L;
                for (int i = 0; i <= 96; i++) {
                    // register rises by the quarter hour's energy (0.1 Wh units): evening peak in, midday PV out
                    double hour = i / 4.0;
                    for (String obis : new String[] {"1-0:1.8.0*255", "1-0:2.8.0*255"}) {
                        ps.setString(1, TENANT);
                        ps.setLong(2, household);
                        ps.setString(3, obis);
                        ps.setObject(4, OffsetDateTime.ofInstant(start.plusSeconds(900L * i), ZoneOffset.UTC));
                        ps.setLong(5, obis.startsWith("1-0:1") ? imported : exported);
                        ps.setLong(6, batch);
                        ps.addBatch();
                    }
                    imported += 800 + (long) (3000 * Math.exp(-Math.pow(hour - 19, 2) / 4));
                    exported += (long) (6000 * Math.max(0, Math.sin((hour - 7) / 11 * Math.PI)));
                }
                ps.executeBatch();
            }
            return household;
        }
    }

    private static void awaitRendered(Browser browser, String id) {
        WebElement element = browser.await(id);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> "true".equals(element.getAttribute("data-rendered")));
    }

    @Test
    void a_household_page_opens_on_the_week_of_its_last_complete_day_and_downloads_it_as_csv() throws Exception {
        CurveRange week = OPENING_WEEK;
        long id = demoHouseholdWithYesterdaysReadings();
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy");

        try (Browser household = new Browser()) {
            household.signIn(BASE + "/ui/", "household", "household");
            awaitRendered(household, "curve-chart-" + id);
            WebElement chart = household.await("curve-chart-" + id);
            assertThat(household.inputValue("curve-date-" + id)).as("the last complete day, not today")
                    .isEqualTo(us.format(YESTERDAY));
            assertThat(chart.getAttribute("data-points")).isEqualTo(String.valueOf(week.slotCount()));
            assertThat(Integer.parseInt(chart.getAttribute("data-gaps")))
                    .as("yesterday has values").isLessThanOrEqualTo(week.slotCount() - 96);
            assertThat(chart.findElements(By.cssSelector("canvas"))).isNotEmpty();
            String summary = household.await("curve-summary-" + id).getText();
            assertThat(summary).contains(us.format(week.first()) + " to " + us.format(week.endExclusive().minusDays(1)));
            if (week.contains(Instant.now())) {
                assertThat(summary).as("the rest of the current week is pending, not missing")
                        .contains("quarter hours are not due yet");
            }
            awaitRendered(household, "curve-bars-" + id);
            assertThat(household.await("curve-bars-" + id).getAttribute("data-days")).isEqualTo("7");
            assertThat(household.await("curve-bars-" + id).findElements(By.cssSelector("rect"))).isNotEmpty();
            String today = us.format(LocalDate.now(CurveRange.BERLIN));
            assertThat(household.await("curve-latest-import-" + id).getText())
                    .contains("1-0:1.8.0*255", "arrived at the platform")
                    .containsPattern(Pattern.quote(today) + " 12:00[ \u202f]AM"); // the midnight that closes yesterday
            assertThat(household.pageText()).contains("Energy per day and month", "Import kWh, period before");

            household.click("curve-export-" + id);
            WebElement download = household.await("curve-download-" + id);
            String href = download.getAttribute("href");
            Object csv = ((JavascriptExecutor) household.driver()).executeAsyncScript(
                    "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href);
            Instant yesterday = CurveRange.around(YESTERDAY, CurveRange.Span.DAY, CurveRange.BERLIN).from();
            assertThat(csv).asString()
                    .startsWith("slot_start_utc,slot_start_local,obis,register_reading,unit,interval_energy_wh")
                    .contains(week.from() + ",", yesterday + ",", ",1-0:1.8.0*255,1000000.0,Wh,");
            assertThat(csv.toString().lines().count()).isEqualTo(1 + 2L * week.slotCount());

            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve("load-curve.png"),
                    ((TakesScreenshot) household.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void a_german_browser_gets_german_texts_dates_and_numbers() throws Exception {
        long id = demoHouseholdWithYesterdaysReadings();
        DateTimeFormatter german = DateTimeFormatter.ofPattern("dd.MM.yyyy");

        try (Browser household = new Browser("de-DE", 1400, 1400)) {
            household.signIn(BASE + "/ui/", "household", "household");
            awaitRendered(household, "curve-chart-" + id);
            assertThat(household.inputValue("curve-date-" + id)).isEqualTo(german.format(YESTERDAY));
            String summary = household.await("curve-summary-" + id).getText();
            assertThat(summary).contains(german.format(OPENING_WEEK.first()) + " bis ", "Bezug ", "Einspeisung ")
                    .containsPattern("Bezug \\d{1,3}(\\.\\d{3})*,\\d{1,3} kWh");
            assertThat(household.pageText()).contains("Mein Haushalt", "Abmelden", "Energie pro Tag", "Zeitraum")
                    .doesNotContain("Sign out", "Energy per day");
            assertThat(household.await("curve-latest-import-" + id).getText())
                    .contains(german.format(LocalDate.now(CurveRange.BERLIN)) + " 00:00", "eingegangen");
        }
    }

    @Test
    void an_operator_gets_a_plain_not_found_page_for_another_tenants_or_a_missing_household() throws Exception {
        long foreign = demoHouseholdWithYesterdaysReadings(); // a household of stadtwerke-demo

        try (Browser operator2 = new Browser()) {
            operator2.signIn(BASE + "/ui/", "operator2", "operator2");
            for (String id : new String[] {String.valueOf(foreign), "999999999999"}) {
                operator2.openAndSettle(BASE + "/ui/households/" + id + "/curve");
                assertThat(operator2.await("not-found").getText()).isEqualTo("Not found");
                assertThat(operator2.pageText()).as("no exception text, no id of another tenant")
                        .doesNotContain("Exception", "household " + id, "stadtwerke-demo", "at org.");
                assertThat(operator2.driver().getTitle()).startsWith("Not found");
            }
        }
        try (Browser germanOperator = new Browser("de-DE", 1400, 1400)) {
            germanOperator.signIn(BASE + "/ui/", "operator2", "operator2");
            germanOperator.openAndSettle(BASE + "/ui/households/" + foreign + "/curve");
            assertThat(germanOperator.await("not-found").getText()).isEqualTo("Nicht gefunden");
        }
    }

    @Test
    void on_a_phone_the_household_page_wraps_and_scrolls_instead_of_clipping() throws Exception {
        long id = demoHouseholdWithYesterdaysReadings();

        try (Browser phone = new Browser("en-US", 390, 844)) {
            phone.signIn(BASE + "/ui/", "household", "household");
            awaitRendered(phone, "curve-chart-" + id);
            awaitRendered(phone, "curve-bars-" + id);
            assertThat(phone.clippedHorizontally("#curve-span-" + id + ", #curve-date-" + id + ", #curve-export-" + id
                    + ", #curve-chart-" + id + ", #curve-bars-" + id + ", #curve-daily-" + id + ", #curve-monthly-" + id
                    + ", #curve-summary-" + id + ", #curve-latest-" + id)).isEmpty();
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("load-curve-390.png"),
                    ((TakesScreenshot) phone.driver()).getScreenshotAs(OutputType.BYTES));
        }
        try (Browser wide = new Browser()) {
            wide.signIn(BASE + "/ui/", "household", "household");
            awaitRendered(wide, "curve-chart-" + id);
            assertThat(wide.clippedHorizontally("#curve-daily-" + id + ", #curve-monthly-" + id))
                    .as("the tables under the chart at 1400 px").isEmpty();
        }
    }

    @Test
    void rest_gives_the_same_daily_energy_and_latest_readings_under_the_same_access_rules() throws Exception {
        long id = demoHouseholdWithYesterdaysReadings();
        String household = "/households/" + id;

        HttpResponse<String> energy = ItPlatform.tenantCall("household", TENANT, "GET", household + "/energy?span=week", null);
        assertThat(energy.statusCode()).as(energy.body()).isEqualTo(200);
        assertThat(energy.body()).as("without a date: the week the page opens on, next to the week before")
                .contains("\"from\":\"" + OPENING_WEEK.first() + "\"",
                        "\"previousFrom\":\"" + OPENING_WEEK.first().minusWeeks(1) + "\"", "\"importWh\":");
        HttpResponse<String> latest = ItPlatform.tenantCall("operator", TENANT, "GET", household + "/latest-readings", null);
        assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
        assertThat(latest.body()).contains("\"obis\":\"1-0:1.8.0*255\"", "\"receivedAt\":");

        assertThat(ItPlatform.tenantCall("household2", TENANT, "GET", household + "/latest-readings", null).statusCode())
                .as("another household's user").isEqualTo(404);
        assertThat(ItPlatform.tenantCall("operator2", TENANT, "GET", household + "/energy", null).statusCode())
                .as("an operator of another tenant, in this tenant").isEqualTo(403);
        assertThat(ItPlatform.tenantCall("operator2", "buergerenergie-nord", "GET", household + "/energy", null).statusCode())
                .as("an operator of another tenant, in its own").isEqualTo(404);
        HttpResponse<String> badSpan = ItPlatform.tenantCall("operator", TENANT, "GET", household + "/energy?span=fortnight", null);
        assertThat(badSpan.statusCode()).isEqualTo(400);
        assertThat(badSpan.body()).contains("span", "fortnight");
    }
}
