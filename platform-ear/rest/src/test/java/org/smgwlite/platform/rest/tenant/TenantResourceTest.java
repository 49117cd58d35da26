package org.smgwlite.platform.rest.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.platform.tenant.TenantKind;

class TenantResourceTest {

    @Test
    void kind_and_policy_are_read_in_any_case_and_a_missing_policy_keeps_the_tenants() {
        Map<String, String> errors = new LinkedHashMap<>();

        assertThat(TenantResource.kind("energy_community", errors)).isEqualTo(TenantKind.ENERGY_COMMUNITY);
        assertThat(TenantResource.policy("brainpoolP256r1", errors)).contains(CurvePolicy.BRAINPOOL);
        assertThat(TenantResource.policy("P-256", errors)).contains(CurvePolicy.NIST);
        assertThat(TenantResource.policy(null, errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void an_unknown_kind_and_policy_are_both_named_with_their_value() {
        Map<String, String> errors = new LinkedHashMap<>();

        TenantResource.kind("utility", errors);
        TenantResource.policy("secp521r1", errors);

        assertThat(errors).containsOnlyKeys("kind", "curvePolicy");
        assertThat(errors.get("kind")).contains("utility");
        assertThat(errors.get("curvePolicy")).contains("secp521r1");
    }
}
