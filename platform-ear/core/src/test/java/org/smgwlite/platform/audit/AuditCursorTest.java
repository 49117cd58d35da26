package org.smgwlite.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smgwlite.platform.shared.InvalidInputException;

class AuditCursorTest {

    @Test
    void a_token_comes_back_as_the_same_time_to_the_microsecond_and_id() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-30T15:04:05.123456Z"), 9_876_543_210L);

        String token = cursor.token();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(AuditCursor.parse(token)).isEqualTo(cursor);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%%%", "not-base64!", "MjAyNg"})
    void garbage_is_refused_on_the_field_after(String token) {
        assertThatThrownBy(() -> AuditCursor.parse(token))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("after"));
    }

    @Test
    void a_well_encoded_token_with_a_bad_time_or_id_is_refused_too() {
        for (String inside : new String[] {"2026-11-30T15:04:05Z/0", "2026-11-30T15:04:05Z/-3", "2026-11-30T15:04:05Z/x",
                "30.11.2026/5", "2026-11-30T15:04:05Z"}) {
            assertThatThrownBy(() -> AuditCursor.parse(encode(inside))).as(inside)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("after");
        }
    }
}
