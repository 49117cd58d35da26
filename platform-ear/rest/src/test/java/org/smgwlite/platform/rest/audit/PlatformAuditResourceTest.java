package org.smgwlite.platform.rest.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InvalidInputException;

class PlatformAuditResourceTest {

    @Test
    void without_a_tenant_every_tenant_is_read_and_with_one_only_that_one() {
        assertThat(PlatformAuditResource.scope(null).single()).isEmpty();
        assertThat(PlatformAuditResource.scope(" ").single()).isEmpty();
        assertThat(PlatformAuditResource.scope(" stadtwerke-demo ").single()).contains(TenantId.of("stadtwerke-demo"));
    }

    @Test
    void a_tenant_that_is_no_tenant_id_is_refused_on_the_parameter_tenant_with_its_value() {
        assertThatThrownBy(() -> PlatformAuditResource.scope("Stadtwerke Demo"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Stadtwerke Demo")
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("tenant"));
    }
}
