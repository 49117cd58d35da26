package org.smgwlite.platform.metering.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueMonthsTest {

    private static final List<String> PARTITIONS = List.of("meter_reading_default", "meter_reading_2022_10", "meter_reading_2022_09",
            "meter_reading_2026_09", "meter_reading_2026_10", "meter_reading_2026_11", "meter_reading_hires_2020_01");

    @Test
    void a_month_goes_once_the_period_has_passed_since_its_end_oldest_first() {
        assertThat(DueMonths.of("meter_reading", PARTITIONS, 1, LocalDate.of(2026, 11, 30)))
                .containsExactly(YearMonth.of(2022, 9), YearMonth.of(2022, 10), YearMonth.of(2026, 9));
        assertThat(DueMonths.of("meter_reading", PARTITIONS, 1, LocalDate.of(2026, 12, 1)))
                .endsWith(YearMonth.of(2026, 10));
        assertThat(DueMonths.of("meter_reading", PARTITIONS, 48, LocalDate.of(2026, 11, 30)))
                .containsExactly(YearMonth.of(2022, 9), YearMonth.of(2022, 10));
        assertThat(DueMonths.of("meter_reading", PARTITIONS, 49, LocalDate.of(2026, 11, 30)))
                .containsExactly(YearMonth.of(2022, 9));
    }

    @Test
    void zero_keeps_everything_and_other_tables_and_the_default_partition_are_never_due() {
        assertThat(DueMonths.of("meter_reading", PARTITIONS, 0, LocalDate.of(2030, 1, 1))).isEmpty();
        assertThat(DueMonths.of("meter_reading_hires", PARTITIONS, 1, LocalDate.of(2030, 1, 1)))
                .containsExactly(YearMonth.of(2020, 1));
    }
}
