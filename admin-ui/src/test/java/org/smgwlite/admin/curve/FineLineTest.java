package org.smgwlite.admin.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.HighResolutionSeries;
import org.smgwlite.platform.metering.query.PowerStep;
import org.smgwlite.platform.metering.query.Register;

class FineLineTest {

    private static final long START = Instant.parse("2026-11-28T23:00:00Z").getEpochSecond();

    private static PowerStep step(long from, long to, String w) {
        return new PowerStep(Instant.ofEpochSecond(START + from), Instant.ofEpochSecond(START + to), BigDecimal.ONE,
                new BigDecimal(w));
    }

    @Test
    void each_step_starts_a_point_and_each_run_ends_in_a_break_at_its_end() {
        HighResolutionSeries series = new HighResolutionSeries(Register.IMPORT, List.of(
                step(0, 60, "300.000"), step(60, 120, "250.500"), step(2000, 2030, "12.000")), 3, 2_880);

        FineLine line = FineLine.of(series, START);

        assertThat(line.points()).isEqualTo(series.chartPoints()).isEqualTo(5);
        assertThat(line.offsets()).containsExactly(0f, 60f, 120f, 2000f, 2030f);
        assertThat(line.watts()[0]).isEqualTo(300f);
        assertThat(line.watts()[1]).isEqualTo(250.5f);
        assertThat(line.watts()[2]).as("the first run's end: a break up to the next run").isNaN();
        assertThat(line.watts()[3]).isEqualTo(12f);
        assertThat(line.watts()[4]).isNaN();
        assertThat(FineLine.of(new HighResolutionSeries(Register.EXPORT, List.of(), 0, 2_880), START).points()).isZero();
    }
}
