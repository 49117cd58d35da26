package org.smgwlite.admin.household;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import org.smgwlite.admin.curve.LoadCurvePanel;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;

/**
 * A household user's own page: only the households whose viewer is this user, in its tenant, each
 * with its load curve and CSV export.
 */
@Route(value = "my-household", layout = MainLayout.class)
@PageTitle("My household · SMGW.Lite")
@Menu(title = "My household", order = 3)
@RolesAllowed(CurrentUser.HOUSEHOLD)
public class MyHouseholdView extends VerticalLayout {

    @Inject
    public MyHouseholdView(HouseholdService households, LoadCurveService curves, CsvExport csv, CurrentUser user) {
        List<Household> mine = households.viewableBy(user.requireTenant(), user.username());
        add(new H2("My household"));
        if (mine.isEmpty()) {
            add(new Paragraph("No household is assigned to your account " + user.username()
                    + " yet. Your metering point operator assigns it."));
        }
        for (Household h : mine) {
            Div card = new Div();
            card.addClassName("household-card");
            card.setId("household-" + h.id());
            card.add(new H2(h.name()),
                    new Paragraph(h.street() + ", " + h.postalCode() + " " + h.city()),
                    new Paragraph("Messlokation " + h.messlokationId()),
                    new Paragraph("Meter " + h.meterId()),
                    new LoadCurvePanel(curves, csv, user.requireTenant(), Viewer.household(user.username()), h.id()));
            add(card);
        }
    }
}
