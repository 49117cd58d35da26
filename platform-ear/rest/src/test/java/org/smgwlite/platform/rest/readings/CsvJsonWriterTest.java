package org.smgwlite.platform.rest.readings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CsvRows;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveCalculator;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

class CsvJsonWriterTest {

    private static JsonArray json(String csv) throws IOException {
        StringWriter out = new StringWriter();
        try (CsvJsonWriter writer = new CsvJsonWriter(out)) {
            writer.write(csv);
        }
        return Json.createReader(new StringReader(out.toString())).readArray();
    }

    @Test
    void every_csv_row_of_a_day_becomes_an_object_with_the_same_fields_and_values() throws IOException {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 10, 25), CurveRange.Span.DAY, CurveRange.BERLIN);
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).notMetered();
        long t0 = day.from().getEpochSecond();
        for (int i = 0; i <= day.slotCount(); i++) {
            if (i != 40) {
                boolean legacy = i == 50; // one reading of an SMGW.Lite gateway: intervals 49 and 50 rest on it
                imports.reading(t0 + 900L * i, BigDecimal.valueOf(123_456_789L + 1_234L * i), -4, "kWh",
                        i == 7 ? 2 : legacy ? 3 : 0, legacy);
            }
        }
        imports.gap(t0 + 900L * 40, "no value, \"meter\" offline");
        LoadCurve curve = LoadCurveCalculator.curve(day, imports.build(), exports.build());
        StringWriter csv = new StringWriter();
        csv.write(CsvRows.HEADER);
        CsvRows.write(curve, csv);

        JsonArray rows = json(csv.toString());

        String[] lines = csv.toString().split("\n");
        String[] header = lines[0].split(",");
        assertThat(rows).hasSize(100).hasSize(lines.length - 1);
        JsonObject first = rows.getJsonObject(0);
        assertThat(first.keySet()).containsExactly(header);
        assertThat(first.getString("slot_start_utc")).isEqualTo("2026-10-24T22:00:00Z");
        assertThat(first.getString("obis")).isEqualTo("1-0:1.8.0*255");
        assertThat(first.getJsonNumber("register_reading").bigDecimalValue()).isEqualByComparingTo("12345.6789");
        assertThat(first.getJsonNumber("interval_energy_wh").bigDecimalValue()).isEqualByComparingTo("123.4");
        assertThat(first.getInt("ptb_level")).isZero();
        assertThat(first.get("gap_reason")).isEqualTo(JsonValue.NULL);
        assertThat(rows.getJsonObject(7).getInt("ptb_level")).isEqualTo(2);
        JsonObject gap = rows.getJsonObject(39);
        assertThat(gap.get("interval_energy_wh")).isEqualTo(JsonValue.NULL);
        assertThat(gap.getString("status")).isEqualTo("gap");
        assertThat(gap.get("origin")).isEqualTo(JsonValue.NULL);
        assertThat(first.getString("origin")).isEqualTo("signed");
        assertThat(rows.getJsonObject(49).getString("origin")).isEqualTo("legacy");
        assertThat(rows.getJsonObject(50).getString("origin")).isEqualTo("legacy");
        assertThat(rows.getJsonObject(51).getString("origin")).isEqualTo("signed");
        for (int i = 1; i < lines.length; i++) { // each value exactly as the CSV prints it
            String[] cells = lines[i].split(",", 9);
            JsonObject row = rows.getJsonObject(i - 1);
            for (int c = 0; c < 8; c++) {
                JsonValue v = row.get(header[c]);
                String text = v == JsonValue.NULL ? "" : v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
                assertThat(text).as("row %d %s", i, header[c]).isEqualTo(cells[c]);
            }
        }
    }

    @Test
    void quoted_cells_keep_commas_and_doubled_quotes_and_an_empty_csv_is_an_empty_array() throws IOException {
        JsonArray rows = json("a,reason,ptb_level\nx,\"one, \"\"two\"\"\",3\n,\"\",\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.getJsonObject(0).getString("reason")).isEqualTo("one, \"two\"");
        assertThat(rows.getJsonObject(0).getInt("ptb_level")).isEqualTo(3);
        assertThat(rows.getJsonObject(1).get("a")).isEqualTo(JsonValue.NULL);
        assertThat(rows.getJsonObject(1).getString("reason")).isEmpty();
        assertThat(json(CsvRows.HEADER)).isEmpty();
    }
}
