package org.smgwlite.platform.rest.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;

class TenantsResourceTest {

    @Test
    void a_new_tenants_id_is_read_as_the_tenants_view_reads_it() {
        Map<String, String> errors = new LinkedHashMap<>();

        assertThat(TenantsResource.id(" netz-sued ", errors)).isEqualTo(TenantId.of("netz-sued"));
        assertThat(errors).isEmpty();
    }

    @Test
    void a_bad_or_missing_id_is_named_tenant_id_and_kept_with_the_other_field_errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("kind", "must be METERING_POINT_OPERATOR or ENERGY_COMMUNITY, was 'utility'");

        assertThat(TenantsResource.id("Netz Süd", errors)).isNull();
        assertThat(errors).containsOnlyKeys("kind", "tenantId");
        assertThat(errors.get("tenantId")).contains("Netz S");

        Map<String, String> missing = new LinkedHashMap<>();
        TenantsResource.id(null, missing);
        assertThat(missing).containsOnlyKeys("tenantId");
    }
}
