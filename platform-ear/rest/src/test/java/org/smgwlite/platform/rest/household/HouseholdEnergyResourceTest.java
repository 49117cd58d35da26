package org.smgwlite.platform.rest.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.InvalidInputException;

class HouseholdEnergyResourceTest {

    @Test
    void span_defaults_to_a_week_and_takes_any_case() {
        assertThat(HouseholdEnergyResource.span(null)).isEqualTo(CurveRange.Span.WEEK);
        assertThat(HouseholdEnergyResource.span(" month ")).isEqualTo(CurveRange.Span.MONTH);
    }

    @Test
    void a_bad_span_or_date_names_the_parameter_and_the_value() {
        assertThatThrownBy(() -> HouseholdEnergyResource.span("fortnight"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("span"))
                .hasMessageContaining("fortnight");
        assertThatThrownBy(() -> HouseholdEnergyResource.date("30.11.2026"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("date"))
                .hasMessageContaining("30.11.2026");
        assertThat(HouseholdEnergyResource.date("2026-11-30")).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
