package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonPeriodTest {

    /** A week goes back a week, a calendar month to the calendar month before whatever its length, a day and a year by one. */
    @ParameterizedTest(name = "{1} around {0} -> {1} around {2}")
    @CsvSource({
            "2026-12-02, WEEK,  2026-11-23",
            "2026-03-15, MONTH, 2026-02-01",
            "2026-01-15, MONTH, 2025-12-01",
            "2026-03-01, DAY,   2026-02-28",
            "2026-06-01, YEAR,  2025-06-01",
    })
    void compares_with_the_same_span_just_before(LocalDate date, CurveRange.Span span, LocalDate previous) {
        assertThat(ComparisonPeriod.before(CurveRange.around(date, span, CurveRange.BERLIN)))
                .isEqualTo(CurveRange.around(previous, span, CurveRange.BERLIN));
    }
}
