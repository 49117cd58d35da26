package org.smgwlite.admin.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Inject;
import org.smgwlite.admin.gateway.GatewaysView;
import org.smgwlite.admin.household.HouseholdsView;
import org.smgwlite.admin.household.MyHouseholdView;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.admin.security.OidcSettings;
import org.smgwlite.admin.tenant.TenantsView;

/** Header, role-dependent navigation and sign-out around every view. */
public class MainLayout extends AppLayout {

    @Inject
    public MainLayout(CurrentUser user, OidcSettings oidc) {
        H1 title = new H1("SMGW.Lite");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Span who = new Span(user.username() + user.tenant().map(t -> " · " + t).orElse(""));
        who.setId("current-user");

        Button logout = new Button("Sign out", e -> signOut(oidc));
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
            nav.addItem(new SideNavItem("Tenants", TenantsView.class));
        }
        if (user.hasRole(CurrentUser.OPERATOR)) {
            nav.addItem(new SideNavItem("Households", HouseholdsView.class));
            nav.addItem(new SideNavItem("Gateways", GatewaysView.class));
        }
        if (user.hasRole(CurrentUser.HOUSEHOLD)) {
            nav.addItem(new SideNavItem("My household", MyHouseholdView.class));
        }
        addToDrawer(nav);
    }

    private static void signOut(OidcSettings oidc) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        VaadinSession.getCurrent().getSession().invalidate();
        com.vaadin.flow.component.UI.getCurrent().getPage().setLocation(oidc.logoutUrl(home));
    }
}
