package org.smgwlite.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InvalidInputException;

class CurvePolicyChangeTest {

    private static final TenantId TENANT = TenantId.of("stadtwerke-demo");

    @Test
    void a_tenant_without_a_ca_may_take_either_family() {
        assertThatCode(() -> CurvePolicyChange.check(TENANT, Optional.empty(), CurvePolicy.BRAINPOOL)).doesNotThrowAnyException();
        assertThatCode(() -> CurvePolicyChange.check(TENANT, Optional.empty(), CurvePolicy.NIST)).doesNotThrowAnyException();
    }

    @Test
    void the_family_of_the_existing_ca_may_be_saved_again() {
        assertThatCode(() -> CurvePolicyChange.check(TENANT, Optional.of(CurvePolicy.BRAINPOOL), CurvePolicy.BRAINPOOL))
                .doesNotThrowAnyException();
    }

    @Test
    void the_other_family_is_refused_on_the_field_saying_a_new_ca_would_be_needed() {
        assertThatThrownBy(() -> CurvePolicyChange.check(TENANT, Optional.of(CurvePolicy.NIST), CurvePolicy.BRAINPOOL))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("curvePolicy")
                        .hasEntrySatisfying("curvePolicy", m -> assertThat(m)
                                .contains("stadtwerke-demo", "secp384r1", "brainpoolP256r1", "new tenant CA")));
    }
}
