package org.smgwlite.admin.layout;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.smgwlite.admin.household.HouseholdsView;
import org.smgwlite.admin.household.MyHouseholdView;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.admin.tenant.TenantsView;

/** The landing page: sends operators to their households, households to their page, admins to tenants. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("SMGW.Lite")
@PermitAll
public class StartView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentUser user;

    @Inject
    public StartView(CurrentUser user) {
        this.user = user;
        add(new Paragraph("Your account has no platform role. Ask a platform administrator."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (user.hasRole(CurrentUser.OPERATOR)) {
            event.forwardTo(HouseholdsView.class);
        } else if (user.hasRole(CurrentUser.HOUSEHOLD)) {
            event.forwardTo(MyHouseholdView.class);
        } else if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
            event.forwardTo(TenantsView.class);
        }
    }
}
