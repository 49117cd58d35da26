package org.smgwlite.platform.rest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.platform.gateway.EnrollmentHandout;
import org.smgwlite.platform.shared.InvalidInputException;

class EnrollmentCodeViewTest {

    @Test
    void theCodeComesWithTheTenantTheRootFingerprintAndTheDevicePortUrl() {
        EnrollmentHandout handout = new EnrollmentHandout("msb-1", "EDEF0012345678", "7KQ2-M9XD-HA3T-0VRC", Instant.EPOCH,
                "ab:cd", "https://gw.example:8443");

        GatewayResource.EnrollmentCodeView view = GatewayResource.EnrollmentCodeView.of(handout);

        assertThat(view.tenant()).isEqualTo("msb-1");
        assertThat(view.rootSha256()).isEqualTo("ab:cd");
        assertThat(view.devicePortUrl()).isEqualTo("https://gw.example:8443");
        assertThat(view.code()).isEqualTo("7KQ2-M9XD-HA3T-0VRC");
        assertThat(view.toString()).doesNotContain("7KQ2");
    }

    @Test
    void a_revocation_reason_is_read_in_rfc_5280_spelling_and_a_wrong_one_names_the_field() {
        assertThat(GatewayResource.reason(new GatewayResource.RevokeRequest("keyCompromise"))).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(GatewayResource.reason(new GatewayResource.RevokeRequest("cessation-of-operation")))
                .isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(GatewayResource.reason(null)).isEqualTo(RevocationReason.UNSPECIFIED);
        assertThatThrownBy(() -> GatewayResource.reason(new GatewayResource.RevokeRequest("lost")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("reason"))
                .hasMessageContaining("lost");
    }
}
