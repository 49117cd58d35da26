package org.smgwlite.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void slugs_are_accepted() {
        assertThat(TenantId.of("stadtwerke-demo").value()).isEqualTo("stadtwerke-demo");
        assertThat(TenantId.of("msb1").toString()).isEqualTo("msb1");
    }

    @Test
    void anything_that_could_smuggle_sql_or_paths_is_refused() {
        for (String bad : new String[] {"", "ab", "Stadtwerke", "-lead", "a'; drop table x;--", "a/b", "x".repeat(41)}) {
            assertThatThrownBy(() -> TenantId.of(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("tenantId");
        }
        assertThatThrownBy(() -> TenantId.of(null)).isInstanceOf(InvalidInputException.class);
    }
}
