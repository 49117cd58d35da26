package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

/** The day view's fine line without a database: which readings make steps, their exact power, and thinning. */
class HighResolutionStepsTest {

    private static final long T0 = Instant.parse("2026-11-29T10:00:00Z").getEpochSecond();
    private static final Duration DAY = Duration.ofHours(24);

    private static RegisterPoint slot(long at, String wh) {
        return new RegisterPoint(Instant.ofEpochSecond(at), new BigDecimal(wh), false);
    }

    private static RegisterPoint fine(long at, String wh) {
        return new RegisterPoint(Instant.ofEpochSecond(at), new BigDecimal(wh), true);
    }

    private static PowerStep step(long from, long to, String wh, String w) {
        return new PowerStep(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), new BigDecimal(wh), new BigDecimal(w));
    }

    @Test
    void fine_readings_and_the_quarter_hour_values_next_to_them_make_steps_two_quarter_hour_values_do_not() {
        // LegacyUploadIT's first buffer: slot values at T0 and T0 + 900, TAF 14 at T0 + 60 and + 120 (0.1 Wh units)
        List<RegisterPoint> points = List.of(slot(T0 + 1800, "100150.0"), fine(T0 + 120, "100010.0"),
                slot(T0, "100000.0"), slot(T0 + 900, "100070.0"), fine(T0 + 60, "100005.0"));

        HighResolutionSeries s = HighResolutionSeries.of(Register.IMPORT, points, DAY, 2_880);

        assertThat(s.steps()).containsExactly(
                step(T0, T0 + 60, "5.0", "300.000"),
                step(T0 + 60, T0 + 120, "5.0", "300.000"),
                step(T0 + 120, T0 + 900, "60.0", "276.923"));   // 60 Wh in 780 s; T0+900 to T0+1800 is the curve's own
        assertThat(s.readings()).isEqualTo(2);
        assertThat(s.runs()).isEqualTo(1);
        assertThat(s.chartPoints()).isEqualTo(4);
    }

    @Test
    void the_line_breaks_where_readings_are_more_than_a_quarter_hour_apart_and_a_shared_second_keeps_the_slot_value() {
        List<RegisterPoint> points = List.of(
                fine(T0 + 100, "10.0"), fine(T0 + 107, "11.0"),            // 1 Wh in 7 s
                fine(T0 + 107 + 901, "12.0"),                              // 901 s later: a break
                slot(T0 + 1800, "13.0"), fine(T0 + 1800, "99.0"),          // the same second: the slot value stands
                fine(T0 + 1830, "13.5"));

        HighResolutionSeries s = HighResolutionSeries.of(Register.EXPORT, points, DAY, 2_880);

        assertThat(s.steps()).containsExactly(
                step(T0 + 100, T0 + 107, "1.0", "514.286"),
                step(T0 + 1008, T0 + 1800, "1.0", "4.545"),
                step(T0 + 1800, T0 + 1830, "0.5", "60.000"));
        assertThat(s.runs()).isEqualTo(2);
        assertThat(s.chartPoints()).isEqualTo(5);
    }

    @Test
    void a_day_of_one_second_readings_is_thinned_under_the_cap_with_every_step_and_the_day_energy_exact() {
        Random random = new Random(15);
        List<RegisterPoint> points = new ArrayList<>();
        long unscaled = 12_345_678;
        for (long t = 0; t <= DAY.getSeconds(); t++) {
            if (t % 900 == 0) {
                points.add(new RegisterPoint(Instant.ofEpochSecond(T0 + t), BigDecimal.valueOf(unscaled, 1), false));
            } else if (t < 3 * 3600 || t > 4 * 3600) { // an hour without fine data: a break of the line
                points.add(new RegisterPoint(Instant.ofEpochSecond(T0 + t), BigDecimal.valueOf(unscaled, 1), true));
            }
            unscaled += random.nextInt(3);
        }

        HighResolutionSeries s = HighResolutionSeries.of(Register.IMPORT, points, DAY, 2_880);

        assertThat(s.chartPoints()).isLessThanOrEqualTo(2_880).isGreaterThan(2_500);
        assertThat(s.runs()).isEqualTo(2);
        assertThat(s.steps().get(0).from()).isEqualTo(Instant.ofEpochSecond(T0));
        assertThat(s.steps().get(s.steps().size() - 1).to()).isEqualTo(Instant.ofEpochSecond(T0 + DAY.getSeconds()));
        Map<Instant, BigDecimal> register = new HashMap<>();
        points.forEach(p -> register.put(p.at(), p.wh()));
        BigDecimal total = BigDecimal.ZERO;
        for (PowerStep step : s.steps()) {
            assertThat(step.energyWh()).as("a merged step is the register difference of the readings it joins")
                    .isEqualByComparingTo(register.get(step.to()).subtract(register.get(step.from())));
            assertThat(step.seconds()).isBetween(1L, 900L);
            total = total.add(step.energyWh());
        }
        // the break runs from the quarter hour at 3 h to the one at 4 h: quarter-hour values only
        BigDecimal gapEnergy = register.get(Instant.ofEpochSecond(T0 + 4 * 3600))
                .subtract(register.get(Instant.ofEpochSecond(T0 + 3 * 3600)));
        assertThat(total.add(gapEnergy)).isEqualByComparingTo(
                register.get(Instant.ofEpochSecond(T0 + DAY.getSeconds())).subtract(register.get(Instant.ofEpochSecond(T0))));
    }

    @Test
    void a_line_under_the_cap_is_left_whole_and_no_fine_data_is_no_line() {
        List<RegisterPoint> points = List.of(slot(T0, "1"), fine(T0 + 1, "2"), fine(T0 + 2, "4"), slot(T0 + 900, "5"));
        assertThat(HighResolutionSeries.of(Register.IMPORT, points, DAY, 4).steps()).hasSize(3);
        assertThat(HighResolutionSeries.of(Register.IMPORT, points, DAY, 3).steps())
                .containsExactly(step(T0, T0 + 900, "4", "16.000"));
        assertThat(HighResolutionSeries.of(Register.IMPORT, List.of(slot(T0, "1"), slot(T0 + 900, "5")), DAY, 2_880).isEmpty())
                .isTrue();
    }

    @Test
    void a_range_longer_than_two_days_is_refused_before_any_sql() {
        CurveRange week = CurveRange.around(LocalDate.of(2026, 11, 30), CurveRange.Span.WEEK, CurveRange.BERLIN);
        assertThatThrownBy(() -> HighResolutionQuery.run(null, null, 1, week))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("range").hasMessageContaining("7");
    }
}
