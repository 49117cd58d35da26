package org.smgwlite.platform.metering.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class BillingMonthTest {

    @Test
    void a_month_has_the_quarter_hours_of_its_local_days_one_hour_less_in_spring_one_more_in_autumn() {
        assertThat(BillingMonth.of(2026, 3).quarterHours()).isEqualTo(2_972);
        assertThat(BillingMonth.of(2026, 10).quarterHours()).isEqualTo(2_980);
        assertThat(BillingMonth.of(2026, 6).quarterHours()).isEqualTo(30 * 96);
        assertThat(BillingMonth.of(2028, 2).quarterHours()).isEqualTo(29 * 96);
    }

    @Test
    void the_boundaries_are_midnight_in_berlin_on_the_first() {
        BillingMonth march = BillingMonth.parse("2026-03");
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(BillingMonth.of(2026, 10).end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void text_that_is_not_a_month_and_a_future_month_are_refused_naming_the_field() {
        assertThatThrownBy(() -> BillingMonth.parse("2026-13"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("month"));
        assertThatThrownBy(() -> BillingMonth.parse("March"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("month"));
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThatThrownBy(() -> BillingMonth.of(2026, 12).requireBegun(now))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("month")).contains("future"));
        assertThat(BillingMonth.of(2026, 11).requireBegun(now)).isEqualTo(BillingMonth.of(2026, 11));
    }
}
