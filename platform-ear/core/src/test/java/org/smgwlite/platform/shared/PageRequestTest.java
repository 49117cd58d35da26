package org.smgwlite.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void a_page_names_the_parameter_that_is_out_of_range() {
        assertThat(new PageRequest(0, PageRequest.MAX_LIMIT).limit()).isEqualTo(500);
        assertThatThrownBy(() -> new PageRequest(-1, 10))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("offset"));
        assertThatThrownBy(() -> new PageRequest(0, 0))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("limit"));
        assertThatThrownBy(() -> new PageRequest(0, 501))
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsEntry("limit", "must be 1 to 500"));
    }
}
