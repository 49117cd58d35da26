package org.smgwlite.admin.curve;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.EnergyTotal;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.DomainException;

/**
 * One household's curve: a range (day, week, month or year around a date), the chart, the daily
 * and monthly energy, and a CSV export that runs in the background while the page polls for
 * its progress, then offers the file.
 */
public class LoadCurvePanel extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(LoadCurvePanel.class.getName());
    private static final int POLL_MS = 400;

    private final LoadCurveService curves;
    private final CsvExport csv;
    private final TenantId tenant;
    private final Viewer viewer;
    private final long householdId;

    private final Select<CurveRange.Span> span = new Select<>();
    private final DatePicker date = new DatePicker("Date");
    private final LoadCurveChart chart = new LoadCurveChart();
    private final Span summary = new Span();
    private final Grid<EnergyTotal> daily = totalsGrid("Day", DateTimeFormatter.ofPattern("EEE dd.MM.yyyy", Locale.GERMANY));
    private final Grid<EnergyTotal> monthly = totalsGrid("Month", DateTimeFormatter.ofPattern("MM/yyyy"));
    private final Button export = new Button("Export CSV");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Anchor download = new Anchor();

    private Future<Path> running;
    private Registration pollListener;
    private Path exported;

    public LoadCurvePanel(LoadCurveService curves, CsvExport csv, TenantId tenant, Viewer viewer, long householdId) {
        this.curves = curves;
        this.csv = csv;
        this.tenant = tenant;
        this.viewer = viewer;
        this.householdId = householdId;
        setPadding(false);
        setWidthFull();

        span.setLabel("Range");
        span.setItems(CurveRange.Span.values());
        span.setItemLabelGenerator(s -> s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
        span.setValue(CurveRange.Span.WEEK);
        span.setId("curve-span-" + householdId);
        date.setValue(LocalDate.now(CurveRange.BERLIN));
        date.setId("curve-date-" + householdId);
        span.addValueChangeListener(e -> refresh());
        date.addValueChangeListener(e -> refresh());

        export.setId("curve-export-" + householdId);
        export.addClickListener(e -> startExport());
        progress.setVisible(false);
        progress.setWidth("12em");
        progress.setId("curve-export-progress-" + householdId);
        download.setId("curve-download-" + householdId);
        download.setVisible(false);

        chart.setId("curve-chart-" + householdId);
        summary.setId("curve-summary-" + householdId);
        daily.setId("curve-daily-" + householdId);
        monthly.setId("curve-monthly-" + householdId);

        HorizontalLayout controls = new HorizontalLayout(span, date, export, progress, download);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout totals = new HorizontalLayout(daily, monthly);
        totals.setWidthFull();
        add(controls, summary, chart, new H3("Energy per day and month"), totals);
        refresh();
    }

    private CurveRange range() {
        LocalDate d = date.getValue() == null ? LocalDate.now(CurveRange.BERLIN) : date.getValue();
        return CurveRange.around(d, span.getValue() == null ? CurveRange.Span.WEEK : span.getValue(), CurveRange.BERLIN);
    }

    /**
     * Loads the curve for the picked range. A domain failure goes to the UI's error handler; any
     * other failure (the database without readings tables, say) is logged and said in place of the
     * numbers, so that the rest of the page stays usable.
     */
    private void refresh() {
        LoadCurve curve;
        try {
            curve = curves.curve(tenant, viewer, householdId, range());
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "load curve of household " + householdId + " failed", e);
            summary.setText("The load curve could not be loaded. Please try again later.");
            return;
        }
        chart.show(curve.imports().startEpochSecond(), (int) CurveRange.SLOT.getSeconds(),
                curve.imports().powerForChart(), curve.exports().powerForChart(), curve.range().zone());
        BigDecimal in = sum(curve.daily(), EnergyTotal::importWh);
        BigDecimal out = sum(curve.daily(), EnergyTotal::exportWh);
        int gaps = curve.daily().stream().mapToInt(EnergyTotal::gaps).sum();
        summary.setText(String.format(Locale.ROOT, "%s to %s: import %s kWh, export %s kWh, %d of %d quarter hours without value",
                curve.range().first(), curve.range().endExclusive().minusDays(1), kwh(in), kwh(out),
                gaps, curve.range().slotCount()));
        daily.setItems(curve.daily());
        monthly.setItems(curve.monthly());
    }

    private static BigDecimal sum(List<EnergyTotal> totals, Function<EnergyTotal, BigDecimal> f) {
        return totals.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String kwh(BigDecimal wh) {
        return wh.movePointLeft(3).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static Grid<EnergyTotal> totalsGrid(String first, DateTimeFormatter format) {
        Grid<EnergyTotal> grid = new Grid<>();
        grid.addColumn(t -> format.format(t.start())).setHeader(first).setAutoWidth(true);
        grid.addColumn(t -> kwh(t.importWh())).setHeader("Import kWh").setAutoWidth(true);
        grid.addColumn(t -> kwh(t.exportWh())).setHeader("Export kWh").setAutoWidth(true);
        grid.addColumn(t -> t.complete() ? "complete" : t.gaps() + " of " + t.intervals() + " missing")
                .setHeader("Quarter hours").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setHeight("280px");
        return grid;
    }

    private void startExport() {
        UI ui = UI.getCurrent();
        CurveRange range = range();
        forgetExport();
        export.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        running = csv.writeToTempFile(tenant, viewer, householdId, range,
                percent -> ui.access(() -> progress.setValue(percent / 100.0)));
        String name = "household-" + householdId + "_" + range.first() + "_" + range.endExclusive().minusDays(1) + ".csv";
        ui.setPollInterval(POLL_MS);
        pollListener = ui.addPollListener(e -> finishIfDone(ui, name));
    }

    private void finishIfDone(UI ui, String name) {
        if (running == null || !running.isDone()) {
            return;
        }
        ui.setPollInterval(-1);
        pollListener.remove();
        export.setEnabled(true);
        progress.setVisible(false);
        try {
            exported = running.get();
            download.setHref(DownloadHandler.forFile(exported.toFile(), name));
            download.setText("Download " + name);
            download.setVisible(true);
        } catch (ExecutionException e) {
            Notices.failed("The export failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = null;
        }
    }

    private void forgetExport() {
        download.setVisible(false);
        if (exported != null) {
            try {
                Files.deleteIfExists(exported);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up what stays
            }
            exported = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollListener != null) {
            pollListener.remove();
            event.getUI().setPollInterval(-1);
        }
        forgetExport();
        super.onDetach(event);
    }
}
