package org.smgwlite.platform.rest.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class SubstituteResourceTest {

    @Test
    void a_missing_or_bad_date_names_its_parameter() {
        assertThatThrownBy(() -> SubstituteResource.date("from", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("from"));
        assertThatThrownBy(() -> SubstituteResource.date("to", "1.12.2026"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("to"))
                .hasMessageContaining("1.12.2026");
        assertThat(SubstituteResource.date("to", " 2026-12-01 ")).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
