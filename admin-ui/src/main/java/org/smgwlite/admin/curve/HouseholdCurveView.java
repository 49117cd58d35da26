package org.smgwlite.admin.curve;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.smgwlite.admin.layout.PageTitles;
import org.smgwlite.admin.layout.TitleKey;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.report.MonthReportPanel;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.metering.report.ReportService;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * An operator's view of one household's curve, reached from the households grid. A household of another tenant, or
 * none, is the {@link org.smgwlite.admin.layout.NotFoundView}: {@link HouseholdService#get} reports both as not found.
 */
@Route(value = "households/:id([0-9]{1,18})/curve", layout = MainLayout.class)
@RolesAllowed(CurrentUser.OPERATOR)
@TitleKey("curve.page.title")
public class HouseholdCurveView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HouseholdService households;
    private final LoadCurveService curves;
    private final CsvExport csv;
    private final ReportService reports;
    private final CurrentUser user;

    @Inject
    public HouseholdCurveView(HouseholdService households, LoadCurveService curves, CsvExport csv, ReportService reports,
                              CurrentUser user) {
        this.households = households;
        this.curves = curves;
        this.csv = csv;
        this.reports = reports;
        this.user = user;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(() -> new NotFoundException("household", "?"));
        TenantId tenant = user.requireTenant();
        Household household = households.get(tenant, id);
        removeAll();
        H2 title = new H2(household.name() + " · " + getTranslation("household.messlokation", household.messlokationId()));
        title.getStyle().set("overflow-wrap", "anywhere"); // a 33-character Messlokation is wider than a phone
        Viewer viewer = Viewer.operator(user.username());
        add(title, new LoadCurvePanel(curves, csv, tenant, viewer, id),
                new MonthReportPanel(m -> reports.household(tenant, viewer, id, m), id, MonthReportPanel.lastComplete()));
    }

    @Override
    public String getPageTitle() {
        return PageTitles.of(this);
    }
}
