package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedSlotsTest {

    /** Monday 30 November 2026 to Sunday 6 December, Berlin. */
    private static final CurveRange WEEK = CurveRange.around(LocalDate.of(2026, 11, 30), CurveRange.Span.WEEK,
            CurveRange.BERLIN);

    private static Instant berlin(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, CurveRange.BERLIN).toInstant();
    }

    @Test
    void in_the_current_week_only_quarter_hours_up_to_the_newest_reading_are_due() {
        Instant now = berlin(2, 15, 0);          // Wednesday afternoon
        Instant newest = berlin(2, 0, 0);        // TAF 7: readings up to Wednesday's midnight arrived

        ExpectedSlots expected = ExpectedSlots.of(WEEK, now, Optional.of(newest));

        assertThat(expected.until()).isEqualTo(newest);
        assertThat(expected.dueCount(WEEK.from().getEpochSecond(), WEEK.slotCount())).as("Monday and Tuesday")
                .isEqualTo(2 * 96);
        assertThat(expected.due(newest.minus(CurveRange.SLOT))).as("the interval the newest reading closes").isTrue();
        assertThat(expected.due(newest)).as("the interval the newest reading opens").isFalse();
    }

    @Test
    void a_newest_reading_stamped_after_now_does_not_make_the_future_due() {
        Instant now = berlin(2, 15, 0);

        ExpectedSlots expected = ExpectedSlots.of(WEEK, now, Optional.of(berlin(5, 0, 0)));

        assertThat(expected.until()).isEqualTo(now);
    }

    @Test
    void the_current_week_without_any_reading_is_due_up_to_now() {
        Instant now = berlin(1, 0, 30);

        assertThat(ExpectedSlots.of(WEEK, now, Optional.empty()).dueCount(WEEK.from().getEpochSecond(), WEEK.slotCount()))
                .isEqualTo(96 + 2);
    }

    @Test
    void a_past_week_is_due_entirely_whatever_the_newest_reading_and_a_future_week_not_at_all() {
        Instant nextMonday = berlin(7, 10, 0);
        ExpectedSlots past = ExpectedSlots.of(WEEK, nextMonday, Optional.of(berlin(1, 0, 0)));
        assertThat(past.dueCount(WEEK.from().getEpochSecond(), WEEK.slotCount()))
                .as("a gateway that fell silent leaves missing values in past weeks").isEqualTo(WEEK.slotCount());

        ExpectedSlots future = ExpectedSlots.of(WEEK, WEEK.from().minusSeconds(3600), Optional.empty());
        assertThat(future.dueCount(WEEK.from().getEpochSecond(), WEEK.slotCount())).isZero();
    }

    @Test
    void days_after_the_newest_reading_are_pending_in_the_totals_and_the_csv_not_missing() throws Exception {
        CurveRange week = WEEK;
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, week.from(), week.slotCount());
        long t0 = week.from().getEpochSecond();
        for (int i = 0; i <= 2 * 96; i++) { // Monday and Tuesday, closed by Wednesday's midnight
            imports.reading(t0 + 900L * i, BigDecimal.valueOf(1000 + 10L * i), 0, "Wh", 0);
        }
        IntervalSeries exports = new SeriesBuilder(Register.EXPORT, week.from(), week.slotCount()).notMetered().build();
        ExpectedSlots expected = ExpectedSlots.of(week, berlin(2, 15, 0), Optional.of(berlin(2, 0, 0)));

        LoadCurve curve = LoadCurveCalculator.curve(week, imports.build(), exports, expected);

        assertThat(curve.daily()).extracting(EnergyTotal::gaps).containsOnly(0);
        assertThat(curve.daily().get(0).complete()).isTrue();
        assertThat(curve.daily().get(2).pending()).as("Wednesday").isEqualTo(96);
        assertThat(curve.daily().get(2).complete()).isFalse();
        assertThat(curve.monthly()).extracting(EnergyTotal::due).containsExactly(96, 96);
        assertThat(LoadCurveCalculator.curve(week, curve.imports(), exports).daily().get(2).gaps())
                .as("the record as it is, every interval due").isEqualTo(96);

        StringWriter csv = new StringWriter();
        CsvRows.write(curve, csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[2 * 96 - 1]).endsWith(",ok,,signed");
        assertThat(lines[2 * 96]).endsWith(",,,pending,,");
        assertThat(csv.toString()).doesNotContain(",gap,");
    }
}
