package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ComparisonPeriodTest {

    private static CurveRange around(int year, int month, int day, CurveRange.Span span) {
        return CurveRange.around(LocalDate.of(year, month, day), span, CurveRange.BERLIN);
    }

    @Test
    void a_week_is_compared_with_the_week_before() {
        assertThat(ComparisonPeriod.before(around(2026, 12, 2, CurveRange.Span.WEEK)))
                .isEqualTo(around(2026, 11, 23, CurveRange.Span.WEEK));
    }

    @Test
    void a_month_is_compared_with_the_calendar_month_before_whatever_its_length() {
        assertThat(ComparisonPeriod.before(around(2026, 3, 15, CurveRange.Span.MONTH)))
                .isEqualTo(around(2026, 2, 1, CurveRange.Span.MONTH));
        assertThat(ComparisonPeriod.before(around(2026, 1, 15, CurveRange.Span.MONTH)))
                .isEqualTo(around(2025, 12, 1, CurveRange.Span.MONTH));
    }

    @Test
    void a_day_and_a_year_go_back_by_one() {
        assertThat(ComparisonPeriod.before(around(2026, 3, 1, CurveRange.Span.DAY)))
                .isEqualTo(around(2026, 2, 28, CurveRange.Span.DAY));
        assertThat(ComparisonPeriod.before(around(2026, 6, 1, CurveRange.Span.YEAR)))
                .isEqualTo(around(2025, 6, 1, CurveRange.Span.YEAR));
    }
}
