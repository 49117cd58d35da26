package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Quarter hours resting on a substitute value in the CSV: their status names the method, no PTB level, exact sums. */
class CsvSubstituteRowsTest {

    @Test
    void an_interval_with_a_substitute_at_either_end_is_substitute_with_its_method_and_no_ptb_level() throws Exception {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 1, 5), CurveRange.Span.DAY, CurveRange.BERLIN);
        long t0 = day.from().getEpochSecond();
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        for (int i = 0; i <= 96; i++) {
            if (i != 10) {
                imports.reading(t0 + 900L * i, 1000 + 100L * i, 0, "Wh", 1);
            }
        }
        imports.substitute(t0 + 900L * 10, 1_997, 0, "Wh", "linear");
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).notMetered();
        LoadCurve curve = LoadCurveCalculator.curve(day, imports.build(), exports.build());
        StringWriter out = new StringWriter();

        CsvRows.write(curve, out);

        String[] lines = out.toString().split("\n");
        assertThat(lines[8]).endsWith(",1800,Wh,100,1,ok,,signed");
        assertThat(lines[9]).isEqualTo("2026-01-05T01:15:00Z,2026-01-05T02:15:00+01:00,1-0:1.8.0*255,1900,Wh,97,,substitute:linear,,signed");
        assertThat(lines[10]).isEqualTo("2026-01-05T01:30:00Z,2026-01-05T02:30:00+01:00,1-0:1.8.0*255,1997,Wh,103,,substitute:linear,,signed");
        assertThat(lines[11]).endsWith(",2100,Wh,100,1,ok,,signed");
        assertThat(curve.daily().get(0).importWh()).isEqualByComparingTo("9600");
        assertThat(curve.daily().get(0).gaps()).isZero();
        assertThat(CsvRows.status(true, true, null)).isEqualTo("gap");
        assertThat(CsvRows.status(true, false, null)).isEqualTo("pending");
    }
}
