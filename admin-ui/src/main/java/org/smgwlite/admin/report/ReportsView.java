package org.smgwlite.admin.report;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.Optional;
import java.util.stream.IntStream;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.MonthExports;
import org.smgwlite.platform.metering.report.MonthOverviewRow;
import org.smgwlite.platform.metering.report.ReportRun;
import org.smgwlite.platform.metering.report.ReportService;
import org.smgwlite.platform.metering.report.RunStatus;
import org.smgwlite.platform.shared.PageRequest;

/**
 * An operator's month reports: pick a month, calculate it for every household of the tenant in the background (the
 * page polls the run's progress), then read the stored overview, worst completeness first, paged and searched in the
 * database, as TAF 7 completeness, TAF 1 readings or TAF 2 zones. A row opens the household's month
 * ({@link HouseholdReportDialog}) with its CSV and MSCONS; all households' files come as one zip made in the
 * background ({@link ZipDownload}).
 */
@Route(value = "reports", layout = MainLayout.class)
@PageTitle("Reports · SMGW.Lite")
@Menu(title = "Reports", order = 5)
@RolesAllowed(CurrentUser.OPERATOR)
public class ReportsView extends VerticalLayout {

    private final LocalFormats formats;
    private static final int POLL_MS = 1_000;

    private final ReportService reports;
    private final TenantId tenant;
    private final String actor;
    private final Select<YearMonth> month = new Select<>();
    private final Button calculate = new Button("Calculate");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span state = new Span();
    private final TextField search = new TextField();
    private final Grid<MonthOverviewRow> grid = new Grid<>();
    private final OverviewColumns columns;
    private Registration polling;

    @Inject
    public ReportsView(ReportService reports, MonthExports exports, CurrentUser user) {
        this.reports = reports;
        this.tenant = user.requireTenant();
        this.actor = user.username();
        formats = new LocalFormats(UI.getCurrent().getLocale());
        Viewer viewer = Viewer.operator(actor);

        YearMonth now = YearMonth.now(CurveRange.BERLIN);
        month.setLabel("Month");
        month.setItems(IntStream.range(0, MonthReportPanel.MONTHS).mapToObj(now::minusMonths).toList());
        month.setItemLabelGenerator(m -> m.toString());
        month.setId("reports-month");
        month.setValue(MonthReportPanel.lastComplete());
        month.addValueChangeListener(e -> showRun());
        calculate.setId("reports-calculate");
        calculate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        calculate.addClickListener(e -> start());
        progress.setId("reports-progress");
        progress.setWidth("10em");
        progress.setVisible(false);
        state.setId("reports-run-state");
        search.setId("reports-search");
        search.setPlaceholder("Name or Messlokation");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        ZipDownload zip = new ZipDownload(exports, tenant, actor, this::billingMonth);

        grid.setId("reports-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(new CallbackDataProvider<MonthOverviewRow, Void>(
                q -> reports.page(tenant, billingMonth(), search.getValue(), new PageRequest(q.getOffset(), q.getLimit()))
                        .stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, reports.count(tenant, billingMonth(), search.getValue()))));
        columns = new OverviewColumns(grid, formats);
        grid.addItemClickListener(e -> new HouseholdReportDialog(reports, exports, tenant, viewer,
                e.getItem().householdId(), e.getItem().name() + " · " + e.getItem().messlokationId(), billingMonth())
                .open());

        Tab taf7 = new Tab("TAF 7 completeness");
        taf7.setId("reports-tab-taf7");
        Tab taf1 = new Tab("TAF 1 readings");
        taf1.setId("reports-tab-taf1");
        Tab taf2 = new Tab("TAF 2 tariff zones");
        taf2.setId("reports-tab-taf2");
        Tabs tabs = new Tabs(taf7, taf1, taf2);
        tabs.setId("reports-tabs");
        tabs.addSelectedChangeListener(e -> columns.show(e.getSelectedTab() == taf1 ? OverviewColumns.Set.TAF1
                : e.getSelectedTab() == taf2 ? OverviewColumns.Set.TAF2 : OverviewColumns.Set.TAF7));
        columns.show(OverviewColumns.Set.TAF7);

        HorizontalLayout controls = new HorizontalLayout(month, calculate, progress, state, search, zip);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        controls.setWidthFull();
        add(new H2("Reports of " + tenant), controls, tabs, grid);
        setSizeFull();
        setFlexGrow(1, grid);
    }

    private BillingMonth billingMonth() {
        return new BillingMonth(month.getValue() == null ? MonthReportPanel.lastComplete() : month.getValue());
    }

    private void start() {
        ReportRun run = reports.start(tenant, actor, billingMonth());
        show(run);
        if (run.status() != RunStatus.RUNNING) {
            grid.getDataProvider().refreshAll();
        }
    }

    /** The month's run as stored, and the overview of its results. */
    private void showRun() {
        show(reports.run(tenant, billingMonth()).orElse(null));
        grid.getDataProvider().refreshAll();
    }

    private void show(ReportRun run) {
        boolean running = run != null && run.status() == RunStatus.RUNNING;
        calculate.setEnabled(!running);
        progress.setVisible(running);
        if (run == null) {
            state.setText("Not calculated yet.");
        } else if (running) {
            progress.setValue(run.percent() / 100.0);
            state.setText("Calculating: " + run.householdsDone() + " of " + run.householdsTotal() + " households");
        } else if (run.status() == RunStatus.DONE) {
            state.setText("Calculated " + formats.dateTime(run.finishedAt(), CurveRange.BERLIN)
                    + " by " + run.startedBy() + ": " + run.householdsTotal() + " households, "
                    + run.month().quarterHours() + " quarter hours each.");
        } else {
            state.setText("The calculation failed: " + run.failure());
        }
        poll(running);
    }

    private void poll(boolean on) {
        Optional<UI> ui = getUI();
        if (on && polling == null && ui.isPresent()) {
            ui.get().setPollInterval(POLL_MS);
            polling = ui.get().addPollListener(e -> {
                Optional<ReportRun> run = reports.run(tenant, billingMonth());
                show(run.orElse(null));
                if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
                    grid.getDataProvider().refreshAll();
                }
            });
        } else if (!on && polling != null) {
            polling.remove();
            polling = null;
            ui.ifPresent(u -> u.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        showRun();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
            event.getUI().setPollInterval(-1);
        }
        super.onDetach(event);
    }
}
