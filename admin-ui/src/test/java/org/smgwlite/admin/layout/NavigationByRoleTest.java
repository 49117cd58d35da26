package org.smgwlite.admin.layout;

import static java.util.Comparator.comparingDouble;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.admin.audit.AuditView;
import org.smgwlite.admin.certificate.TenantCaView;
import org.smgwlite.admin.curve.HouseholdCurveView;
import org.smgwlite.admin.gateway.CertificateRenewalsView;
import org.smgwlite.admin.gateway.GatewaysView;
import org.smgwlite.admin.household.HouseholdsView;
import org.smgwlite.admin.report.ReportsView;
import org.smgwlite.admin.tariff.TariffsView;
import org.smgwlite.admin.household.MyHouseholdView;
import org.smgwlite.admin.security.OidcCallbackView;
import org.smgwlite.admin.tenant.TenantsView;

/**
 * Who sees which menu entry and lands where: the views' own {@code @Menu} and {@code @RolesAllowed}, read by
 * Vaadin's {@link AccessAnnotationChecker} — the check behind the {@code NavigationAccessControl} that filters
 * {@code MenuConfiguration.getMenuEntries()} for {@link MainLayout} and {@link StartView}.
 */
class NavigationByRoleTest {

    /** Every routed view of the admin UI. */
    private static final List<Class<?>> ROUTES = List.of(TenantsView.class, HouseholdsView.class, GatewaysView.class,
            CertificateRenewalsView.class, AuditView.class, TenantCaView.class, MyHouseholdView.class, HouseholdCurveView.class,
            StartView.class, OidcCallbackView.class, TariffsView.class, ReportsView.class);

    private static final Principal SIGNED_IN = () -> "someone";

    /** The menu titles a user with exactly this role sees, in menu order; the first is the start page. */
    private static List<String> menuOf(String role) {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        return ROUTES.stream()
                .filter(view -> view.isAnnotationPresent(Menu.class))
                .filter(view -> checker.hasAccess(view, SIGNED_IN, role::equals))
                .sorted(comparingDouble(view -> view.getAnnotation(Menu.class).order()))
                .map(view -> view.getAnnotation(Menu.class).title())
                .toList();
    }

    @Test
    void a_platform_admin_sees_the_tenants_first_then_the_audit_and_the_certificate_authorities() {
        assertThat(menuOf("platform-admin")).containsExactly("Tenants", "Audit", "Certificate authority");
    }

    @Test
    void an_operator_sees_households_tariffs_gateways_renewals_reports_audit_and_ca_and_starts_on_the_households() {
        assertThat(menuOf("operator")).containsExactly("Households", "Tariff profiles", "Gateways", "Certificate renewals",
                "Reports", "Audit", "Certificate authority");
    }

    @Test
    void a_household_sees_only_its_own_page() {
        assertThat(menuOf("household")).containsExactly("My household");
    }

    @Test
    void a_user_without_a_platform_role_gets_no_entry_and_stays_on_the_start_page() {
        assertThat(menuOf("guest")).isEmpty();
    }

    @Test
    void every_menu_entry_names_the_roles_that_may_open_it() {
        assertThat(ROUTES).allSatisfy(view -> assertThat(view.isAnnotationPresent(Route.class)).isTrue());
        assertThat(ROUTES.stream().filter(view -> view.isAnnotationPresent(Menu.class)))
                .isNotEmpty()
                .allSatisfy(view -> assertThat(view.getAnnotation(RolesAllowed.class)).as(view.getSimpleName()).isNotNull());
    }
}
