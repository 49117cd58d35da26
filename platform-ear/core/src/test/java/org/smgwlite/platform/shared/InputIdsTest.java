package org.smgwlite.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputIdsTest {

    @Test
    void slugs_are_accepted() {
        assertThat(InputIds.tenant("stadtwerke-demo").value()).isEqualTo("stadtwerke-demo");
        assertThat(InputIds.tenant("msb1").toString()).isEqualTo("msb1");
        assertThat(InputIds.tenant("x".repeat(40)).value()).hasSize(40);
    }

    @Test
    void anything_that_could_smuggle_sql_or_paths_is_refused_naming_the_field() {
        for (String bad : new String[] {"", "ab", "Stadtwerke", "-lead", "a'; drop table x;--", "a/b", "x".repeat(41), null}) {
            assertThatThrownBy(() -> InputIds.tenant(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("tenantId"));
        }
    }

    @Test
    void a_typed_gateway_id_drops_surrounding_whitespace_and_a_malformed_one_names_the_field() {
        assertThat(InputIds.gateway("  EDEF0012345678\n").value()).isEqualTo("EDEF0012345678");
        for (String bad : new String[] {"", " ", "ED EF", "CN=x,O=y", "-lead", null}) {
            assertThatThrownBy(() -> InputIds.gateway(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("gatewayId"));
        }
    }
}
