package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.it.EndpointRecipes.Access;
import org.smgwlite.platform.it.MatrixCallers.Device;
import org.smgwlite.platform.it.MatrixCallers.Outcome;
import org.smgwlite.platform.it.MatrixCallers.User;

/** The security matrix's own rules, without a container: endpoint enumeration and what each caller is due. */
class MatrixRulesTest {

    @Path("/tenants/{tenant}/things/")
    public static class Things {
        @GET
        public String list() {
            return "";
        }

        @POST
        @Path("{id}/close")
        public void close() {
        }

        public void notAnEndpoint() {
        }
    }

    @Path("locator")
    public static class Locator {
        @Path("sub")
        public Things sub() {
            return new Things();
        }
    }

    @Test
    void endpoints_are_read_from_class_and_method_paths_and_http_methods() {
        assertThat(RestEndpoints.of(List.of(Things.class, String.class))).extracting(RestEndpoints.Endpoint::key)
                .containsExactly("GET tenants/{tenant}/things", "POST tenants/{tenant}/things/{id}/close");
    }

    @Test
    void a_sub_resource_locator_is_refused_as_the_matrix_would_miss_its_endpoints() {
        assertThatThrownBy(() -> RestEndpoints.of(List.of(Locator.class))).hasMessageContaining("sub-resource locator");
    }

    private static final User ANONYMOUS = User.ALL.get(0);
    private static final User ADMIN = User.ALL.get(1);
    private static final User OPERATOR_OF_A = User.ALL.get(2);

    @Test
    void an_operator_acts_in_their_own_tenant_an_admin_in_every_one_a_household_and_anonymous_in_none() {
        User anonymous = ANONYMOUS;
        User admin = ADMIN;
        User operatorOfA = OPERATOR_OF_A;
        User household = User.ALL.get(4);

        assertThat(MatrixCallers.expected(Access.OPERATOR, operatorOfA, MatrixFixture.A)).isEqualTo(Outcome.OK);
        assertThat(MatrixCallers.expected(Access.OPERATOR, operatorOfA, MatrixFixture.B)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(MatrixCallers.expected(Access.OPERATOR, admin, MatrixFixture.B)).isEqualTo(Outcome.OK);
        assertThat(MatrixCallers.expected(Access.OPERATOR, household, MatrixFixture.A)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(MatrixCallers.expected(Access.OPERATOR, anonymous, MatrixFixture.A)).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(MatrixCallers.visible(Access.OPERATOR, operatorOfA, MatrixFixture.B)).isEmpty();
        assertThat(MatrixCallers.visible(Access.OPERATOR, admin, MatrixFixture.B)).containsExactly(MatrixFixture.B);
    }

    @Test
    void only_a_platform_admin_reads_and_edits_tenants() {
        assertThat(MatrixCallers.expected(Access.PLATFORM_ADMIN, ADMIN, MatrixFixture.B)).isEqualTo(Outcome.OK);
        assertThat(MatrixCallers.expected(Access.PLATFORM_ADMIN, OPERATOR_OF_A, MatrixFixture.A)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(MatrixCallers.expected(Access.PLATFORM_ADMIN, ANONYMOUS, MatrixFixture.A)).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(MatrixCallers.visible(Access.PLATFORM_ADMIN, OPERATOR_OF_A, MatrixFixture.A)).isEmpty();
    }

    @Test
    void only_a_household_login_reads_its_own_readings_through_me() {
        assertThat(MatrixCallers.expected(Access.HOUSEHOLD_SELF, User.ALL.get(4), "-")).isEqualTo(Outcome.OK);
        assertThat(MatrixCallers.expected(Access.HOUSEHOLD_SELF, OPERATOR_OF_A, "-")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(MatrixCallers.expected(Access.HOUSEHOLD_SELF, ADMIN, "-")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(MatrixCallers.expected(Access.HOUSEHOLD_SELF, ANONYMOUS, "-")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(MatrixCallers.visible(Access.HOUSEHOLD_SELF, User.ALL.get(4), "-")).isEmpty();
    }

    @Test
    void the_smgwlite_door_refuses_every_bearer_token_user_without_the_device_token() {
        for (User user : User.ALL) {
            assertThat(MatrixCallers.expected(Access.LEGACY_TOKEN, user, MatrixFixture.A)).as(user.name()).isEqualTo(Outcome.REFUSED);
            assertThat(MatrixCallers.visible(Access.LEGACY_TOKEN, user, MatrixFixture.A)).as(user.name()).isEmpty();
        }
        assertThat(Access.LEGACY_TOKEN.devicePort).as("served on the browser ports, behind the owner's reverse proxy").isFalse();
    }

    @Test
    void a_gateway_acts_for_its_own_tenant_only() {
        Device none = Device.ALL.get(0);
        Device gatewayOfA = Device.ALL.get(1);

        assertThat(MatrixCallers.expected(Access.GATEWAY, gatewayOfA, MatrixFixture.A)).isEqualTo(Outcome.OK);
        assertThat(MatrixCallers.expected(Access.GATEWAY, gatewayOfA, MatrixFixture.B)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(MatrixCallers.expected(Access.GATEWAY, gatewayOfA, "-")).isEqualTo(Outcome.OK);
        assertThat(MatrixCallers.visible(Access.GATEWAY, gatewayOfA, "-")).containsExactly(MatrixFixture.A);
        assertThat(MatrixCallers.expected(Access.GATEWAY, none, MatrixFixture.A)).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(MatrixCallers.expected(Access.ENROLLMENT_ACROSS_TENANTS, gatewayOfA, MatrixFixture.A)).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.FORBIDDEN.admits(404)).isTrue();
        assertThat(Outcome.FORBIDDEN.admits(400)).isFalse();
        assertThat(Outcome.OK.admits(204)).isTrue();
    }

    @Test
    void a_ui_view_shows_its_title_only_to_its_roles_and_a_start_page_forwards() {
        UiRoutes.Route tenants = new UiRoutes.Route("tenants", Optional.of("Tenants"), Set.of("platform-admin"), false, "TenantsView");
        UiRoutes.Route start = new UiRoutes.Route("", Optional.of("Start"), Set.of(), true, "StartView");
        User admin = User.ALL.get(1);
        User operator = User.ALL.get(2);

        assertThat(MatrixCallers.uiVerdict(tenants, admin, "-", "Tenants", Set.of("Tenants"))).isEqualTo("ok");
        assertThat(MatrixCallers.uiVerdict(tenants, operator, "-", "", Set.of("Households"))).isEqualTo("ok");
        assertThat(MatrixCallers.uiVerdict(tenants, operator, "-", "Tenants", Set.of("Households"))).startsWith("WRONG");
        assertThat(MatrixCallers.uiVerdict(start, operator, "-", "Households", Set.of("Households"))).isEqualTo("ok");
        assertThat(MatrixCallers.uiVerdict(start, operator, "-", "Tenants", Set.of("Households"))).startsWith("WRONG");
    }
}
