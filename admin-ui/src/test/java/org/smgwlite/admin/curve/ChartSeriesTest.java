package org.smgwlite.admin.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

class ChartSeriesTest {

    /** Slot 10 holds a substitute: intervals 9 and 10 go to the dashed series, slot 20 is missing: 19 and 20 are gaps. */
    @Test
    void substitute_quarter_hours_move_to_the_dashed_series_and_gaps_stay_gaps_in_both() {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 1, 5), CurveRange.Span.DAY, CurveRange.BERLIN);
        long t0 = day.from().getEpochSecond();
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        for (int i = 0; i <= 96; i++) {
            if (i != 10 && i != 20) {
                b.reading(t0 + 900L * i, 1000 + 25L * i, 0, "Wh", 0);
            }
        }
        b.substitute(t0 + 900L * 10, 1250, 0, "Wh", "linear");

        ChartSeries chart = ChartSeries.of(b.build());

        assertThat(chart.substitutes()).isEqualTo(2);
        assertThat(chart.trueW()[8]).isEqualTo(100f);
        assertThat(chart.trueW()[9]).isNaN();
        assertThat(chart.substituteW()[9]).isEqualTo(100f);
        assertThat(chart.substituteW()[10]).isEqualTo(100f);
        assertThat(chart.substituteW()[8]).isNaN();
        assertThat(chart.trueW()[19]).isNaN();
        assertThat(chart.substituteW()[19]).isNaN();
        assertThat(chart.trueW()[11]).isEqualTo(100f);
    }
}
