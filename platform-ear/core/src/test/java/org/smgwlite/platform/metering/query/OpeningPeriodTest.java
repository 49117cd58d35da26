package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpeningPeriodTest {

    private static Instant berlin(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, CurveRange.BERLIN).toInstant();
    }

    @Test
    void opens_on_the_day_the_newest_reading_closed_not_on_today() {
        Instant now = berlin(12, 2, 15, 0);                                   // Wednesday
        Optional<Instant> newest = Optional.of(berlin(12, 2, 0, 0));          // Wednesday's midnight

        assertThat(OpeningPeriod.of(CurveRange.Span.DAY, newest, now, CurveRange.BERLIN))
                .isEqualTo(CurveRange.around(LocalDate.of(2026, 12, 1), CurveRange.Span.DAY, CurveRange.BERLIN));
    }

    @Test
    void a_day_the_newest_reading_ends_inside_is_not_complete() {
        Optional<Instant> newest = Optional.of(berlin(12, 1, 23, 45));

        assertThat(OpeningPeriod.lastCompleteDay(newest, berlin(12, 2, 15, 0), CurveRange.BERLIN))
                .isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void on_a_monday_the_week_opens_on_the_whole_week_before() {
        Instant monday = berlin(12, 7, 9, 0);
        Optional<Instant> newest = Optional.of(berlin(12, 7, 0, 0));

        CurveRange week = OpeningPeriod.of(CurveRange.Span.WEEK, newest, monday, CurveRange.BERLIN);

        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(week.endExclusive()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void a_gateway_silent_for_weeks_opens_on_its_last_data_and_one_without_data_on_today() {
        Instant now = berlin(12, 2, 15, 0);

        assertThat(OpeningPeriod.of(CurveRange.Span.MONTH, Optional.of(berlin(10, 14, 0, 0)), now, CurveRange.BERLIN)
                .first()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(OpeningPeriod.lastCompleteDay(Optional.empty(), now, CurveRange.BERLIN))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(OpeningPeriod.lastCompleteDay(Optional.of(berlin(12, 9, 0, 0)), now, CurveRange.BERLIN))
                .as("a reading stamped in the future counts as now").isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
