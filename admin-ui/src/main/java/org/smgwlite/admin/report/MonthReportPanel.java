package org.smgwlite.admin.report;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.BoundaryReading;
import org.smgwlite.platform.metering.report.HouseholdMonthReport;
import org.smgwlite.platform.metering.report.ReadingKind;
import org.smgwlite.platform.metering.report.RegisterMonthReport;
import org.smgwlite.platform.metering.report.Taf1Readings;
import org.smgwlite.platform.metering.report.Taf2Energies;
import org.smgwlite.platform.metering.report.Taf7Completeness;

/**
 * A household's month values for the household itself and the operator's drill-down: per register the billing
 * readings at the month's boundaries and the month's energy (TAF 1, flagged where a boundary is a substitute value or
 * missing), the energy per tariff zone with the error register (TAF 2) and how complete the quarter hours are (TAF 7).
 * Text in the page's language, lines that wrap: it fits a phone. A month without values says so.
 */
public class MonthReportPanel extends VerticalLayout {

    /** How many months back the picker offers. */
    static final int MONTHS = 24;

    private final Function<BillingMonth, HouseholdMonthReport> load;
    private final long householdId;
    private final LocalFormats formats;
    private final Select<YearMonth> month = new Select<>();
    private final Div content = new Div();

    /**
     * @param load the report of a month (the caller's service call, with its viewer)
     * @param opening the month shown first
     */
    public MonthReportPanel(Function<BillingMonth, HouseholdMonthReport> load, long householdId, YearMonth opening) {
        this.load = load;
        this.householdId = householdId;
        this.formats = new LocalFormats(UI.getCurrent().getLocale());
        setPadding(false);
        setWidthFull();
        getStyle().set("min-width", "0").set("overflow-wrap", "anywhere");
        setId("month-report-" + householdId);

        YearMonth now = YearMonth.now(CurveRange.BERLIN);
        month.setLabel(getTranslation("report.month"));
        month.setItems(IntStream.range(0, MONTHS).mapToObj(now::minusMonths).toList());
        month.setItemLabelGenerator(formats::month);
        month.setId("month-report-month-" + householdId);
        month.setValue(opening);
        month.addValueChangeListener(e -> show());
        content.setId("month-report-content-" + householdId);
        content.setWidthFull();
        add(new H3(getTranslation("report.title")), month, content);
        show();
    }

    /** The last complete month: what a bill is made of. */
    public static YearMonth lastComplete() {
        return YearMonth.now(CurveRange.BERLIN).minusMonths(1);
    }

    public void show(YearMonth value) {
        month.setValue(value);
    }

    private void show() {
        content.removeAll();
        if (month.getValue() == null) {
            return;
        }
        HouseholdMonthReport report = load.apply(new BillingMonth(month.getValue()));
        if (!report.hasData()) {
            content.add(paragraph("none", getTranslation("report.nodata", formats.month(month.getValue()))));
            return;
        }
        for (RegisterMonthReport r : report.registers()) {
            String key = r.register().name().toLowerCase(Locale.ROOT);
            Div block = new Div();
            block.setId("month-report-" + key + "-" + householdId);
            block.add(new H4(getTranslation("report.register." + r.register().name(), r.register().obis())));
            if (!r.hasData()) {
                block.add(paragraph(key + "-none", getTranslation("report.register.nodata")));
            } else {
                taf1(block, key, r.taf1());
                taf2(block, key, r.taf2(), report.tariffProfile());
            }
            block.add(paragraph(key + "-taf7", taf7(r.taf7())));
            content.add(block);
        }
    }

    private void taf1(Div block, String key, Taf1Readings t) {
        block.add(paragraph(key + "-start", boundary("report.taf1.start", t.start())),
                paragraph(key + "-end", boundary("report.taf1.end", t.end())),
                paragraph(key + "-energy", t.energyWh() == null ? getTranslation("report.taf1.energy.none")
                        : getTranslation(t.substituted() ? "report.taf1.energy.substituted" : "report.taf1.energy",
                        formats.kwh(t.energyWh()))));
    }

    private String boundary(String key, BoundaryReading b) {
        String when = formats.dateTime(b.at(), CurveRange.BERLIN);
        if (b.kind() == ReadingKind.MISSING) {
            return getTranslation(key, when, getTranslation("report.kind.MISSING"));
        }
        String kind = b.kind() == ReadingKind.SUBSTITUTE
                ? getTranslation("report.kind.SUBSTITUTE", getTranslation("report.method." + b.substituteMethod()))
                : getTranslation("report.kind.TRUE");
        if (b.origin() == Origin.LEGACY) {
            kind += ", " + getTranslation("report.origin.legacy");
        }
        return getTranslation(key, when, formats.exact(b.value()) + " " + b.unit() + " (" + kind + ")");
    }

    private void taf2(Div block, String key, Taf2Energies t, String profile) {
        if (t == null) {
            block.add(paragraph(key + "-taf2", getTranslation("report.taf2.none")));
            return;
        }
        String zones = t.zones().stream()
                .map(z -> getTranslation("report.taf2.zone", z.zone(), formats.kwh(z.energyWh())))
                .collect(Collectors.joining(" · "));
        block.add(paragraph(key + "-taf2", getTranslation("report.taf2", profile, zones, formats.kwh(t.errorWh()),
                formats.kwh(t.totalWh()))));
        if (t.missing() > 0) {
            block.add(paragraph(key + "-taf2-missing", getTranslation("report.taf2.missing",
                    formats.integer(t.missing()))));
        }
    }

    private String taf7(Taf7Completeness t) {
        List<Integer> ptb = t.ptbCounts();
        int flagged = ptb.get(3) + ptb.get(4);
        return getTranslation("report.taf7", formats.integer(t.trueValues()), formats.integer(t.expected()),
                formats.integer(t.substitutes()), formats.integer(t.gaps()), formats.integer(flagged))
                + (t.legacyQuarterHours() > 0 ? " " + getTranslation("report.taf7.legacy",
                        formats.integer(t.legacyQuarterHours())) : "")
                + (t.pending() > 0 ? " " + getTranslation("report.taf7.pending", formats.integer(t.pending())) : "");
    }

    private Paragraph paragraph(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId("month-report-" + id + "-" + householdId);
        p.getStyle().set("margin", "0.2em 0");
        return p;
    }
}
