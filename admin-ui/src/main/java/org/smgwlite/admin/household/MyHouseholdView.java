package org.smgwlite.admin.household;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import org.smgwlite.admin.layout.PageTitles;
import org.smgwlite.admin.layout.TitleKey;
import org.smgwlite.admin.curve.LoadCurvePanel;
import org.smgwlite.admin.report.MonthReportPanel;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.metering.report.ReportService;

/**
 * A household user's own page: only the households whose viewer is this user, in its tenant, each
 * with its load curve, daily energy, newest readings, CSV export and month values for billing (TAF 1 readings,
 * TAF 2 tariff zones), in the browser's language.
 */
@Route(value = "my-household", layout = MainLayout.class)
@Menu(title = "My household", order = 3)
@RolesAllowed(CurrentUser.HOUSEHOLD)
@TitleKey("household.mine.title")
public class MyHouseholdView extends VerticalLayout implements HasDynamicTitle {

    @Inject
    public MyHouseholdView(HouseholdService households, LoadCurveService curves, CsvExport csv, ReportService reports,
                           CurrentUser user) {
        List<Household> mine = households.viewableBy(user.requireTenant(), user.username());
        setWidthFull();
        getStyle().set("min-width", "0");
        add(new H2(getTranslation("household.mine.title")));
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("household.mine.none", user.username())));
        }
        for (Household h : mine) {
            Div card = new Div();
            card.addClassName("household-card");
            card.setWidthFull();
            card.getStyle().set("min-width", "0").set("overflow-wrap", "anywhere"); // Messlokation ids are long words
            card.setId("household-" + h.id());
            card.add(new H2(h.name()),
                    new Paragraph(h.street() + ", " + h.postalCode() + " " + h.city()),
                    new Paragraph(getTranslation("household.messlokation", h.messlokationId())),
                    new Paragraph(getTranslation("household.meter", h.meterId())),
                    new LoadCurvePanel(curves, csv, user.requireTenant(), Viewer.household(user.username()), h.id()),
                    new MonthReportPanel(m -> reports.household(user.requireTenant(), Viewer.household(user.username()),
                            h.id(), m), h.id(), MonthReportPanel.lastComplete()));
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return PageTitles.of(this);
    }
}
