package org.smgwlite.platform.rest.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.rest.Formats;
import org.smgwlite.platform.shared.InvalidInputException;

class AuditQueryTest {

    @Test
    void the_page_size_defaults_and_takes_the_whole_range() {
        assertThat(AuditQuery.limit(null)).isEqualTo(AuditTrail.DEFAULT_PAGE_SIZE);
        assertThat(AuditQuery.limit(" 1 ")).isEqualTo(1);
        assertThat(AuditQuery.limit(String.valueOf(AuditTrail.MAX_PAGE_SIZE))).isEqualTo(AuditTrail.MAX_PAGE_SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "501", "ten", "1e3", "99999999999"})
    void a_page_size_out_of_range_or_not_a_number_is_refused_on_limit(String limit) {
        assertThatThrownBy(() -> AuditQuery.limit(limit))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(limit)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("limit"));
    }

    @Test
    void format_is_json_by_default_csv_on_request_and_nothing_else() {
        assertThat(Formats.asks(null, "csv")).isFalse();
        assertThat(Formats.asks("JSON", "csv")).isFalse();
        assertThat(Formats.asks(" Csv ", "csv")).isTrue();
        assertThatThrownBy(() -> Formats.asks("xlsx", "csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("xlsx")
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("format"));
    }
}
