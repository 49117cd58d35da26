package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The CSV's last column: where each quarter hour's energy came from, so an unsigned value never passes as signed. */
class CsvOriginRowsTest {

    @Test
    void quarter_hours_on_a_legacy_reading_say_legacy_the_rest_signed_and_gaps_nothing() throws Exception {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 1, 5), CurveRange.Span.DAY, CurveRange.BERLIN);
        long t0 = day.from().getEpochSecond();
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        for (int i = 0; i <= 96; i++) {
            if (i == 20) {
                continue; // a gap: intervals 19 and 20
            }
            boolean legacy = i >= 10 && i < 15;
            imports.reading(t0 + 900L * i, 1000 + 100L * i, 0, "Wh", legacy ? 3 : 0, legacy);
        }
        imports.substitute(t0 + 900L * 20, 2_990, 0, "Wh", "linear", true);
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).notMetered();
        StringWriter out = new StringWriter();

        CsvRows.write(LoadCurveCalculator.curve(day, imports.build(), exports.build()), out);

        String[] lines = out.toString().split("\n", -1);
        assertThat(CsvRows.HEADER).endsWith(",status,gap_reason,origin\n");
        assertThat(lines[8]).endsWith(",1800,Wh,100,0,ok,,signed");
        assertThat(lines[9]).as("signed to legacy").endsWith(",1900,Wh,100,3,ok,,legacy");
        assertThat(lines[14]).as("legacy to signed").endsWith(",2400,Wh,100,3,ok,,legacy");
        assertThat(lines[15]).endsWith(",2500,Wh,100,0,ok,,signed");
        assertThat(lines[20]).as("made from a legacy reading").endsWith(",2990,Wh,110,,substitute:linear,,legacy");
        assertThat(lines[19]).as("to that substitute").endsWith(",substitute:linear,,legacy");
        for (String line : lines) {
            if (!line.isEmpty()) {
                assertThat(line.split(",", -1)).as(line).hasSize(10);
            }
        }
    }

    @Test
    void a_gap_and_a_pending_quarter_hour_have_an_empty_origin() throws Exception {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 1, 5), CurveRange.Span.DAY, CurveRange.BERLIN);
        long t0 = day.from().getEpochSecond();
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        imports.reading(t0, 1000, 0, "Wh", 3, true);
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).notMetered();
        StringWriter out = new StringWriter();

        CsvRows.write(LoadCurveCalculator.curve(day, imports.build(), exports.build()), out);

        assertThat(out.toString().split("\n")[0]).endsWith(",,,gap,\"no reading at 2026-01-04T23:15:00Z\",");
    }
}
