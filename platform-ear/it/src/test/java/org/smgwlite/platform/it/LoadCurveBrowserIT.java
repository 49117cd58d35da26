package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The household's own page in a real browser: the uPlot chart drawn for this week with the
 * readings of its Monday, and the CSV export run in the background and downloaded.
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

    /** Readings of the demo household for Monday of the current week; rewritten on every run. */
    private static long demoHouseholdWithMondayReadings(CurveRange week) throws Exception {
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
            Instant monday = week.from();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                        ptb_level, taf, batch_id) VALUES (?, ?, ?, ?, ?, -1, 'Wh', 0, 7, ?) ON CONFLICT (tenant_id, household_id, obis, slot_start)
                    DO UPDATE SET value_unscaled = EXCLUDED.value_unscaled, scaler = -1, unit = 'Wh', ptb_level = 0""")) {
                long imported = 10_000_000L;
                long exported = 10_000_000L;
                for (int i = 0; i <= 96; i++) {
                    // register rises by the quarter hour's energy (0.1 Wh units): evening peak in, midday PV out
                    double hour = i / 4.0;
                    for (String obis : new String[] {"1-0:1.8.0*255", "1-0:2.8.0*255"}) {
                        ps.setString(1, TENANT);
                        ps.setLong(2, household);
                        ps.setString(3, obis);
                        ps.setObject(4, OffsetDateTime.ofInstant(monday.plusSeconds(900L * i), ZoneOffset.UTC));
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

    @Test
    void a_household_sees_this_weeks_curve_and_downloads_it_as_csv() throws Exception {
        CurveRange week = CurveRange.around(LocalDate.now(CurveRange.BERLIN), CurveRange.Span.WEEK, CurveRange.BERLIN);
        long id = demoHouseholdWithMondayReadings(week);

        try (Browser household = new Browser()) {
            household.signIn(BASE + "/ui/", "household", "household");
            WebElement chart = household.await("curve-chart-" + id);
            new WebDriverWait(household.driver(), Duration.ofSeconds(30))
                    .until(d -> "true".equals(chart.getAttribute("data-rendered")));
            assertThat(chart.getAttribute("data-points")).isEqualTo(String.valueOf(week.slotCount()));
            assertThat(Integer.parseInt(chart.getAttribute("data-gaps")))
                    .as("Monday has values, the rest of the week is gaps")
                    .isLessThanOrEqualTo(week.slotCount() - 96);
            assertThat(chart.findElements(By.cssSelector("canvas"))).isNotEmpty();
            assertThat(household.pageText()).contains("Energy per day and month");

            household.click("curve-export-" + id);
            WebElement download = household.await("curve-download-" + id);
            String href = download.getAttribute("href");
            Object csv = ((JavascriptExecutor) household.driver()).executeAsyncScript(
                    "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href);
            assertThat(csv).asString()
                    .startsWith("slot_start_utc,slot_start_local,obis,register_reading,unit,interval_energy_wh")
                    .contains(week.from() + ",", ",1-0:1.8.0*255,1000000.0,Wh,");
            assertThat(csv.toString().lines().count()).isEqualTo(1 + 2L * week.slotCount());

            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve("load-curve.png"),
                    ((TakesScreenshot) household.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }
}
