package org.smgwlite.admin.curve;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.smgwlite.admin.feedback.BackgroundFile;
import org.smgwlite.admin.i18n.DatePickers;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.DailyEnergy;
import org.smgwlite.platform.metering.query.EnergyTotal;
import org.smgwlite.platform.metering.query.LatestReading;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.DomainException;

/**
 * One household's curve: a range (day, week, month or year around a date; it opens on the period that holds the
 * last complete day, {@link LoadCurveService#openingRange}), the newest readings and when they arrived, the chart
 * (in the day view with SMGW.Lite readings between the quarter hours, {@link HighResolutionNote}), the energy per day
 * as bars next to the period before, the daily and monthly energy, and a CSV export that runs in the background
 * while the page polls for its progress, then offers the file. Dates and numbers follow the page's
 * locale; every number comes from {@link LoadCurveService}. Controls wrap and tables scroll inside their own box,
 * so the panel fits a phone.
 */
public class LoadCurvePanel extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(LoadCurvePanel.class.getName());
    private static final int POLL_MS = 400;

    private final LoadCurveService curves;
    private final CsvExport csv;
    private final TenantId tenant;
    private final Viewer viewer;
    private final long householdId;
    private final LocalFormats formats;

    private final Select<CurveRange.Span> span = new Select<>();
    private final DatePicker date = new DatePicker();
    private final LoadCurveChart chart = new LoadCurveChart();
    /** Says what the dashed lines are; shown when the range holds substitute values. */
    private final Span substituteNote = new Span();
    private final HighResolutionNote hiresNote;
    /** Says that values of the range came from an SMGW.Lite gateway (unsigned); shown when any quarter hour rests on one. */
    private final Span legacyNote = new Span();
    private final EnergyBarsChart bars = new EnergyBarsChart();
    private final Span summary = new Span();
    private final Div latest = new Div();
    private final Grid<DayRow> daily;
    private final Grid<EnergyTotal> monthly;
    private final Button export = new Button();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Anchor download = new Anchor();

    private final BackgroundFile exportFile;
    private boolean exportMetered;

    /** A day of the range next to the same day of the comparison period (null when that period is shorter). */
    record DayRow(EnergyTotal day, EnergyTotal previous) {
    }

    public LoadCurvePanel(LoadCurveService curves, CsvExport csv, TenantId tenant, Viewer viewer, long householdId) {
        this.curves = curves;
        this.csv = csv;
        this.tenant = tenant;
        this.viewer = viewer;
        this.householdId = householdId;
        this.formats = new LocalFormats(UI.getCurrent().getLocale());
        this.hiresNote = new HighResolutionNote(curves, tenant, viewer, householdId, chart);
        this.daily = dailyGrid();
        this.monthly = monthlyGrid();
        setPadding(false);
        setWidthFull();
        getStyle().set("min-width", "0");

        span.setLabel(getTranslation("curve.range"));
        span.setItems(CurveRange.Span.values());
        span.setItemLabelGenerator(s -> getTranslation("curve.span." + s.name()));
        span.setId("curve-span-" + householdId);
        date.setLabel(getTranslation("curve.date"));
        date.setId("curve-date-" + householdId);
        DatePickers.localize(date, formats);

        export.setText(getTranslation("curve.export"));
        export.setId("curve-export-" + householdId);
        export.addClickListener(e -> startExport());
        progress.setWidth("12em");
        progress.setId("curve-export-progress-" + householdId);
        download.setId("curve-download-" + householdId);
        exportFile = new BackgroundFile(export, progress, download, name -> getTranslation("curve.download", name),
                message -> getTranslation("curve.export.failed", message));
        download.getStyle().set("overflow-wrap", "anywhere"); // a long file name must not widen a phone's page

        chart.setId("curve-chart-" + householdId);
        substituteNote.setId("curve-substitutes-" + householdId);
        substituteNote.setText(getTranslation("curve.chart.substitute.note"));
        substituteNote.getStyle().set("font-size", "var(--lumo-font-size-s)");
        substituteNote.setVisible(false);
        legacyNote.setId("curve-legacy-" + householdId);
        legacyNote.setText(getTranslation("curve.chart.legacy.note"));
        legacyNote.getStyle().set("font-size", "var(--lumo-font-size-s)");
        legacyNote.setVisible(false);
        bars.setId("curve-bars-" + householdId);
        summary.setId("curve-summary-" + householdId);
        latest.setId("curve-latest-" + householdId);
        daily.setId("curve-daily-" + householdId);
        monthly.setId("curve-monthly-" + householdId);

        HorizontalLayout controls = new HorizontalLayout(span, date, export, progress, download);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        controls.setWidthFull();
        monthly.setHeight(null); // a year has 12 months: all rows, no inner scrolling
        monthly.setAllRowsVisible(true);
        add(controls, latest, summary, chart, substituteNote, hiresNote, new H3(getTranslation("curve.bars.title")), bars,
                new H3(getTranslation("curve.totals.title")), daily, monthly);
        addComponentAtIndex(indexOf(substituteNote) + 1, legacyNote);

        span.setValue(CurveRange.Span.WEEK);
        date.setValue(openOnData());
        span.addValueChangeListener(e -> refresh());
        date.addValueChangeListener(e -> refresh());
        refresh();
    }

    /**
     * Shows the newest readings and returns the date to open on: the last complete day (the opening range of a day),
     * so the week shown is the opening week and a switch to day or month keeps to the data. Failures are handled as
     * in {@link #refresh()}: a domain one goes to the error handler, any other is logged and the page opens on today.
     */
    private LocalDate openOnData() {
        try {
            showLatest(curves.latestReadings(tenant, viewer, householdId));
            return curves.openingRange(tenant, viewer, householdId, CurveRange.Span.DAY).first();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "newest readings of household " + householdId + " failed", e);
            return LocalDate.now(CurveRange.BERLIN);
        }
    }

    private CurveRange range() {
        LocalDate d = date.getValue() == null ? LocalDate.now(CurveRange.BERLIN) : date.getValue();
        return CurveRange.around(d, span.getValue() == null ? CurveRange.Span.WEEK : span.getValue(), CurveRange.BERLIN);
    }

    /**
     * Loads the curve and the daily energy for the picked range. A domain failure goes to the UI's error handler; any
     * other failure (the database without readings tables, say) is logged and said in place of the numbers, so that
     * the rest of the page stays usable.
     */
    private void refresh() {
        CurveRange range = range();
        LoadCurve curve;
        DailyEnergy energy;
        try {
            curve = curves.curve(tenant, viewer, householdId, range);
            energy = curves.dailyEnergy(tenant, viewer, householdId, range);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "load curve of household " + householdId + " failed", e);
            summary.setText(getTranslation("curve.failed"));
            return;
        }
        ChartSeries imports = ChartSeries.of(curve.imports());
        ChartSeries exports = ChartSeries.of(curve.exports());
        chart.show(curve.imports().startEpochSecond(), (int) CurveRange.SLOT.getSeconds(), imports, exports,
                curve.range().zone(), getTranslation("curve.chart.import"), getTranslation("curve.chart.export"),
                getTranslation("curve.chart.import.substitute"), getTranslation("curve.chart.export.substitute"));
        substituteNote.setVisible(imports.substitutes() + exports.substitutes() > 0);
        hiresNote.refresh(range, span.getValue() == CurveRange.Span.DAY, curve.imports().startEpochSecond());
        legacyNote.setVisible(curve.imports().anyLegacy() || curve.exports().anyLegacy());
        int due = curve.daily().stream().mapToInt(EnergyTotal::due).sum();
        int gaps = curve.daily().stream().mapToInt(EnergyTotal::gaps).sum();
        int pending = curve.daily().stream().mapToInt(EnergyTotal::pending).sum();
        String text = getTranslation("curve.summary", formats.date(range.first()),
                formats.date(range.endExclusive().minusDays(1)), formats.kwh(sum(curve.daily(), EnergyTotal::importWh)),
                formats.kwh(sum(curve.daily(), EnergyTotal::exportWh)), formats.integer(gaps), formats.integer(due));
        summary.setText(pending == 0 ? text : text + " " + getTranslation("curve.summary.pending", formats.integer(pending)));
        showBars(energy);
        daily.setItems(IntStream.range(0, energy.days().size())
                .mapToObj(i -> new DayRow(energy.days().get(i),
                        i < energy.previousDays().size() ? energy.previousDays().get(i) : null))
                .toList());
        monthly.setItems(curve.monthly());
        // auto widths are measured once, on the first items: a longer range has longer numbers
        daily.recalculateColumnWidths();
        monthly.recalculateColumnWidths();
    }

    private void showLatest(List<LatestReading> readings) {
        latest.removeAll();
        exportMetered = readings.stream().anyMatch(r -> r.register() == Register.EXPORT);
        if (readings.isEmpty()) {
            latest.add(new Span(getTranslation("curve.latest.none")));
            return;
        }
        for (LatestReading r : readings) {
            Div line = new Div(new Span(getTranslation("curve.latest",
                    getTranslation("curve.register." + r.register().name()), formats.exact(r.value()), r.unit(),
                    r.obis(), formats.dateTime(r.slotStart(), CurveRange.BERLIN),
                    formats.dateTime(r.receivedAt(), CurveRange.BERLIN))));
            line.setId("curve-latest-" + r.register().name().toLowerCase(Locale.ROOT) + "-" + householdId);
            latest.add(line);
        }
    }

    private void showBars(DailyEnergy energy) {
        DailyBars.Bars shown = DailyBars.of(energy, exportMetered, formats, this::getTranslation);
        bars.show(getTranslation("curve.bars.title"), "kWh", formats.locale(), shown.labels(), shown.series());
    }

    private static BigDecimal sum(List<EnergyTotal> totals, Function<EnergyTotal, BigDecimal> f) {
        return totals.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "complete", "3 of 96 missing", "48 pending": what a day's quarter hours amount to. */
    private String quarterHours(EnergyTotal t) {
        if (t.complete()) {
            return getTranslation("curve.quarters.complete");
        }
        if (t.gaps() > 0) {
            return getTranslation("curve.quarters.missing", formats.integer(t.gaps()), formats.integer(t.due()));
        }
        return getTranslation("curve.quarters.pending", formats.integer(t.pending()));
    }

    private Grid<DayRow> dailyGrid() {
        Grid<DayRow> grid = new Grid<>();
        grid.addColumn(r -> formats.dayWithWeekday(r.day().start())).setHeader(getTranslation("curve.column.day"));
        grid.addColumn(r -> formats.kwh(r.day().importWh())).setHeader(getTranslation("curve.column.import"));
        grid.addColumn(r -> r.previous() == null ? "" : formats.kwh(r.previous().importWh()))
                .setHeader(getTranslation("curve.column.import.previous"));
        grid.addColumn(r -> formats.kwh(r.day().exportWh())).setHeader(getTranslation("curve.column.export"));
        grid.addColumn(r -> r.previous() == null ? "" : formats.kwh(r.previous().exportWh()))
                .setHeader(getTranslation("curve.column.export.previous"));
        grid.addColumn(r -> quarterHours(r.day())).setHeader(getTranslation("curve.column.quarters"));
        return fit(grid);
    }

    private Grid<EnergyTotal> monthlyGrid() {
        Grid<EnergyTotal> grid = new Grid<>();
        grid.addColumn(t -> formats.month(YearMonth.from(t.start()))).setHeader(getTranslation("curve.column.month"));
        grid.addColumn(t -> formats.kwh(t.importWh())).setHeader(getTranslation("curve.column.import"));
        grid.addColumn(t -> formats.kwh(t.exportWh())).setHeader(getTranslation("curve.column.export"));
        grid.addColumn(this::quarterHours).setHeader(getTranslation("curve.column.quarters"));
        return fit(grid);
    }

    /**
     * Columns as wide as their content and sharing any room left, the grid as wide as the panel on a row of its own
     * (two grids side by side left each too narrow, its last column cut off): a narrow screen scrolls the grid
     * sideways instead of clipping the page.
     */
    private static <T> Grid<T> fit(Grid<T> grid) {
        grid.getColumns().forEach(c -> c.setAutoWidth(true).setFlexGrow(1));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setWidthFull();
        grid.getStyle().set("min-width", "0");
        grid.setHeight("280px");
        return grid;
    }

    private void startExport() {
        CurveRange range = range();
        String name = "household-" + householdId + "_" + range.first() + "_" + range.endExclusive().minusDays(1) + ".csv";
        exportFile.start(POLL_MS, name, progressPercent -> csv.writeToTempFile(tenant, viewer, householdId, range,
                progressPercent));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        exportFile.detach(event.getUI());
        super.onDetach(event);
    }
}
