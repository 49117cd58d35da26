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
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.inject.Inject;
import org.smgwlite.admin.i18n.Translations;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.admin.security.OidcSettings;

/**
 * Header, navigation and sign-out around every view. The navigation lists the views marked {@code @Menu} that
 * the signed-in user may open: Vaadin's {@link MenuConfiguration} checks each against its own
 * {@code @RolesAllowed} with the UI's {@code NavigationAccessControl} (see {@code UiSetup}), so no role is
 * named here. Texts are in the page's language; a view without a {@code menu.*} text keeps its {@code @Menu} title.
 */
public class MainLayout extends AppLayout {

    @Inject
    public MainLayout(CurrentUser user, OidcSettings oidc) {
        H1 title = new H1("SMGW.Lite");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Span who = new Span(user.username() + user.tenant().map(t -> " · " + t).orElse(""));
        who.setId("current-user");
        // on a phone the user and tenant give way (ellipsis) before the header pushes the page wider than the screen
        who.getStyle().set("min-width", "0").set("overflow", "hidden").set("text-overflow", "ellipsis")
                .set("white-space", "nowrap");
        title.getStyle().set("min-width", "0");

        Button logout = new Button(getTranslation("layout.sign-out"), e -> signOut(oidc));
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> nav.addItem(new SideNavItem(menuLabel(entry), entry.menuClass())));
        addToDrawer(nav);
    }

    /** The entry's text in the page's language ({@code menu.<view class>}), else the view's own {@code @Menu} title. */
    private String menuLabel(MenuEntry entry) {
        String key = "menu." + entry.menuClass().getSimpleName();
        return Translations.has(key) ? getTranslation(key) : entry.title();
    }

    private static void signOut(OidcSettings oidc) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        VaadinSession.getCurrent().getSession().invalidate();
        com.vaadin.flow.component.UI.getCurrent().getPage().setLocation(oidc.logoutUrl(home));
    }
}
