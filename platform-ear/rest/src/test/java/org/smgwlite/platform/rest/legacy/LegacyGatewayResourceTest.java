package org.smgwlite.platform.rest.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.PageRequest;

class LegacyGatewayResourceTest {

    @Test
    void the_upload_log_pages_with_offset_and_limit_like_the_other_lists() {
        assertThat(LegacyGatewayResource.uploadsPage(200, 100, null, null)).isEqualTo(new PageRequest(200, 100));
        assertThat(LegacyGatewayResource.uploadsPage(0, 500, null, null)).isEqualTo(new PageRequest(0, 500));
    }

    @Test
    void a_bad_offset_or_limit_is_refused_naming_the_parameter() {
        assertThatThrownBy(() -> LegacyGatewayResource.uploadsPage(-1, 100, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("offset"));
        assertThatThrownBy(() -> LegacyGatewayResource.uploadsPage(0, 501, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("limit"));
        assertThatThrownBy(() -> LegacyGatewayResource.uploadsPage(0, 0, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("limit"));
    }

    @Test
    void the_old_page_and_size_are_refused_with_their_replacement_named_not_ignored() {
        assertThatThrownBy(() -> LegacyGatewayResource.uploadsPage(0, 100, "1", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("page");
                    assertThat(e.fieldErrors().get("page")).contains("offset");
                });
        assertThatThrownBy(() -> LegacyGatewayResource.uploadsPage(0, 100, null, "20"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("size")).contains("limit"));
        // sent empty or together with good offset/limit: still refused, both named
        assertThatThrownBy(() -> LegacyGatewayResource.uploadsPage(40, 20, "", "20"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("page", "size"));
    }
}
