package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.platform.metering.mscons.MeteringPointSeries;
import org.smgwlite.platform.metering.mscons.MsconsInterchange;
import org.smgwlite.platform.metering.mscons.MsconsObis;
import org.smgwlite.platform.metering.mscons.MsconsReader;
import org.smgwlite.platform.metering.mscons.Qualifier;
import org.smgwlite.platform.metering.mscons.QuarterHour;
import org.smgwlite.platform.metering.query.CurveRange;

/**
 * The readings API on the deployed platform: known values of a past month written for the demo household of
 * {@code household2}, read by the operator as CSV, JSON and MSCONS (read back with {@link MsconsReader}: every quarter
 * hour equal to the stored register differences, the gap left out), by {@code household2} through {@code /api/me/readings},
 * while {@code household} sees only its own household there and gets 404 for the other; bad input is a 400 naming the
 * field, an unknown household 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadingsApiIT {

    private static final String TENANT = ItPlatform.TENANT;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A whole past month (three before the current one), Europe/Berlin. */
    private static final CurveRange MONTH = CurveRange.around(LocalDate.now(CurveRange.BERLIN).minusMonths(3).withDayOfMonth(1),
            CurveRange.Span.MONTH, CurveRange.BERLIN);
    private static final String PERIOD = "from=" + MONTH.first() + "&to=" + MONTH.endExclusive().minusDays(1);
    /** Import slots without a reading: intervals 99 to 103 are gaps. */
    private static final int GAP_FROM = 100;
    private static final int GAP_TO = 103;
    private static final String RECIPIENT = "9912345000004";

    private static long household;
    private static String messlokation;

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    /** Import register in 0.1 Wh at slot {@code i}: rises by 800 to 4,799 per quarter hour. */
    private static long importAt(int i) {
        long value = 10_000_000L;
        for (int k = 0; k < i; k++) {
            value += 800 + (k * 37L) % 4000;
        }
        return value;
    }

    /** Export register in 0.1 Wh at slot {@code i}: rises by 0 to 9 per quarter hour. */
    private static long exportAt(int i) {
        long value = 5_000_000L;
        for (int k = 0; k < i; k++) {
            value += k % 10;
        }
        return value;
    }

    /** The month's readings of household2's demo household, written afresh (delete first: the day rows follow). */
    @BeforeAll
    static void knownMonth() throws Exception {
        household = Long.parseLong(ItPlatform.sql("SELECT id FROM household WHERE tenant_id = ? AND viewer_username = 'household2'"
                + " ORDER BY id LIMIT 1", TENANT).get(0));
        messlokation = ItPlatform.sql("SELECT messlokation_id FROM household WHERE id = " + household).get(0);
        try (Connection c = DriverManager.getConnection(ItPlatform.DB_URL, "postgres", "postgres")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM meter_reading WHERE tenant_id = ? AND household_id = ?"
                    + " AND slot_start >= ? AND slot_start <= ?")) {
                ps.setString(1, TENANT);
                ps.setLong(2, household);
                ps.setObject(3, OffsetDateTime.ofInstant(MONTH.from(), ZoneOffset.UTC));
                ps.setObject(4, OffsetDateTime.ofInstant(MONTH.to(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            long batch = ReadingRows.batch(c, TENANT, household, "gw-readings-it");
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                        ptb_level, taf, batch_id) VALUES (?, ?, ?, ?, ?, -1, 'Wh', 0, 7, ?)""")) {
                for (int i = 0; i <= MONTH.slotCount(); i++) {
                    for (String obis : List.of("1-0:1.8.0*255", "1-0:2.8.0*255")) {
                        boolean imports = obis.startsWith("1-0:1");
                        if (imports && i >= GAP_FROM && i <= GAP_TO) {
                            continue;
                        }
                        ps.setString(1, TENANT);
                        ps.setLong(2, household);
                        ps.setString(3, obis);
                        ps.setObject(4, OffsetDateTime.ofInstant(MONTH.from().plusSeconds(900L * i), ZoneOffset.UTC));
                        ps.setLong(5, imports ? importAt(i) : exportAt(i));
                        ps.setLong(6, batch);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private static HttpResponse<byte[]> get(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/api/" + path))
                .header("Authorization", "Bearer " + ItPlatform.token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String operatorPath(long id, String query) {
        return "tenants/" + TENANT + "/households/" + id + "/readings?" + query;
    }

    private static boolean importGap(int interval) {
        return interval >= GAP_FROM - 1 && interval <= GAP_TO;
    }

    /** Interval {@code i}'s energy in kWh: register difference in 0.1 Wh, moved four places. */
    private static BigDecimal kwh(long[] register, int i) {
        return BigDecimal.valueOf(register[i + 1] - register[i]).movePointLeft(4);
    }

    private static long[] registers(boolean imports) {
        long[] r = new long[MONTH.slotCount() + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = imports ? importAt(i) : exportAt(i);
        }
        return r;
    }

    @Test
    void the_operator_gets_the_month_as_mscons_that_reads_back_to_the_stored_values() throws Exception {
        HttpResponse<byte[]> answer = get("operator", operatorPath(household, PERIOD + "&format=mscons&recipient=" + RECIPIENT));

        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWithIgnoringCase("application/EDIFACT"));
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"readings-" + messlokation
                + "-" + MONTH.first() + "-" + MONTH.endExclusive().minusDays(1) + ".edi\"");
        MsconsInterchange read = MsconsReader.readInterchange(new ByteArrayInputStream(answer.body()));
        assertThat(read.parties().recipientId()).isEqualTo(RECIPIENT);
        assertThat(read.series()).hasSize(2);
        long[][] registers = {registers(true), registers(false)};
        for (int r = 0; r < 2; r++) {
            MeteringPointSeries s = read.series().get(r);
            assertThat(s.messlokationId()).isEqualTo(messlokation);
            assertThat(s.obis()).isEqualTo(r == 0 ? MsconsObis.IMPORT : MsconsObis.EXPORT);
            assertThat(s.from()).isEqualTo(MONTH.from());
            assertThat(s.to()).isEqualTo(MONTH.to());
            int k = 0;
            for (int i = 0; i < MONTH.slotCount(); i++) {
                if (r == 0 && importGap(i)) {
                    continue;
                }
                QuarterHour q = s.values().get(k++);
                assertThat(q.start()).isEqualTo(MONTH.from().plusSeconds(900L * i));
                assertThat(q.energyKwh()).as("register %d interval %d", r, i).isEqualByComparingTo(kwh(registers[r], i));
                assertThat(q.qualifier()).isEqualTo(Qualifier.TRUE_VALUE);
            }
            assertThat(s.values()).hasSize(k);
        }
    }

    @Test
    void csv_has_the_ui_export_columns_and_json_the_same_rows() throws Exception {
        HttpResponse<byte[]> csv = get("operator", operatorPath(household, PERIOD + "&format=csv"));
        HttpResponse<byte[]> json = get("operator", operatorPath(household, PERIOD + "&format=json"));

        assertThat(csv.statusCode()).as(text(csv)).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).endsWith(".csv\"");
        String[] lines = text(csv).split("\n");
        assertThat(lines[0]).isEqualTo(
                "slot_start_utc,slot_start_local,obis,register_reading,unit,interval_energy_wh,ptb_level,status,gap_reason,origin");
        assertThat(lines).hasSize(1 + 2 * MONTH.slotCount());
        long[] imports = registers(true);
        for (int i = 0; i < MONTH.slotCount(); i++) {
            String[] cells = lines[1 + 2 * i].split(",", 9);
            assertThat(cells[0]).isEqualTo(MONTH.from().plusSeconds(900L * i).toString());
            assertThat(cells[2]).isEqualTo("1-0:1.8.0*255");
            if (importGap(i)) {
                assertThat(cells[5]).isEmpty();
                assertThat(cells[7]).isEqualTo("gap");
                assertThat(lines[1 + 2 * i]).as("a gap has no origin").endsWith(",");
            } else {
                assertThat(new BigDecimal(cells[5])).isEqualByComparingTo(kwh(imports, i).movePointRight(3));
                assertThat(lines[1 + 2 * i]).as("the agent's signed batches").endsWith(",signed");
            }
        }
        assertThat(json.statusCode()).isEqualTo(200);
        String body = text(json);
        assertThat(body).startsWith("[").contains("\"interval_energy_wh\":" + lines[1].split(",")[5] + ",")
                .contains("\"slot_start_utc\":\"" + MONTH.from() + "\"").contains("\"origin\":\"signed\"}");
        assertThat(body.split("\n\\{|,\n\\{").length - 1).isEqualTo(2 * MONTH.slotCount());
    }

    @Test
    void a_household_token_reads_its_own_household_only() throws Exception {
        HttpResponse<byte[]> own = get("household2", "me/readings?" + PERIOD + "&format=mscons");
        HttpResponse<byte[]> operators = get("operator", operatorPath(household, PERIOD + "&format=mscons"));
        HttpResponse<byte[]> other = get("household", "me/readings?" + PERIOD + "&format=mscons");

        assertThat(own.statusCode()).as(text(own)).isEqualTo(200);
        assertThat(MsconsReader.read(new ByteArrayInputStream(own.body())))
                .isEqualTo(MsconsReader.read(new ByteArrayInputStream(operators.body())));
        assertThat(other.statusCode()).as(text(other)).isEqualTo(200);
        List<MeteringPointSeries> others = MsconsReader.read(new ByteArrayInputStream(other.body()));
        assertThat(others).isNotEmpty().noneMatch(s -> s.messlokationId().equals(messlokation));
        assertThat(get("household", "me/readings?" + PERIOD + "&household=" + household).statusCode()).isEqualTo(404);
        assertThat(get("household", operatorPath(household, PERIOD)).statusCode()).isEqualTo(404);
        assertThat(get("household2", operatorPath(household, PERIOD + "&format=csv")).statusCode()).isEqualTo(200);
        assertThat(get("operator", "me/readings?" + PERIOD).statusCode()).as("an operator has no household of its own")
                .isEqualTo(403);
    }

    @Test
    void bad_input_is_a_400_naming_the_field_and_an_unknown_household_404() throws Exception {
        LocalDate today = LocalDate.now(CurveRange.BERLIN);
        record Bad(String query, String field) {
        }
        for (Bad bad : List.of(
                new Bad("from=2025-02-01&to=2025-01-31", "to"),
                new Bad("from=" + today.minusDays(400) + "&to=" + today.minusDays(1), "to"),
                new Bad("from=" + today + "&to=" + today.plusDays(1), "to"),
                new Bad("from=yesterday&to=" + today, "from"),
                new Bad("to=" + today, "from"),
                new Bad(PERIOD + "&format=xml", "format"),
                new Bad(PERIOD + "&format=mscons&recipient=12345", "recipient"))) {
            HttpResponse<byte[]> answer = get("operator", operatorPath(household, bad.query()));
            assertThat(answer.statusCode()).as(bad.query() + ": " + text(answer)).isEqualTo(400);
            assertThat(text(answer)).as(bad.query()).contains("\"" + bad.field() + "\"");
        }
        assertThat(text(get("operator", operatorPath(household, PERIOD + "&format=xml")))).contains("csv, json, mscons");
        assertThat(get("operator", operatorPath(999_999_999L, PERIOD)).statusCode()).isEqualTo(404);
        assertThat(get("operator2", operatorPath(household, PERIOD)).statusCode()).as("another tenant's operator").isEqualTo(403);
    }
}
