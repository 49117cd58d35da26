package org.smgwlite.admin.report;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.report.MonthOverviewRow;
import org.smgwlite.platform.metering.report.ReadingKind;

/**
 * The overview grid's columns: the household and register always, then the columns of one report at a time (TAF 7,
 * TAF 1 or TAF 2), so that each set fits a 1400 px window; text columns share the room and wrap, numbers size
 * themselves. The register is named (Import, Export), its OBIS code is in the household's month.
 */
final class OverviewColumns {

    enum Set { TAF7, TAF1, TAF2 }

    private final LocalFormats formats;
    private final Map<Set, List<Grid.Column<MonthOverviewRow>>> sets = new EnumMap<>(Set.class);

    OverviewColumns(Grid<MonthOverviewRow> grid, LocalFormats formats) {
        this.formats = formats;
        grid.addColumn(MonthOverviewRow::name).setHeader("Household").setFlexGrow(1);
        grid.addColumn(MonthOverviewRow::messlokationId).setHeader("Messlokation").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.register() == Register.IMPORT ? "Import" : "Export").setHeader("Register")
                .setAutoWidth(true).setFlexGrow(0);
        sets.put(Set.TAF7, List.of(
                number(grid, "Complete %", r -> r.hasData() ? r.completenessPercent().toPlainString() : "no data"),
                number(grid, "True values", r -> formats.integer(r.trueValues())),
                number(grid, "Substitutes", r -> formats.integer(r.substitutes())),
                number(grid, "Gaps", r -> formats.integer(r.gaps())),
                number(grid, "Not due", r -> formats.integer(r.pending())),
                number(grid, "PTB 0/1/2/3/4", r -> r.ptbCounts().stream().map(String::valueOf)
                        .collect(Collectors.joining("/"))),
                unsigned(grid)));
        sets.put(Set.TAF1, List.of(
                grid.addColumn(r -> reading(r.startKind(), r.startValue(), r.startMethod(), r.startOrigin(), r.unit()))
                        .setHeader("Reading at start").setFlexGrow(1),
                grid.addColumn(r -> reading(r.endKind(), r.endValue(), r.endMethod(), r.endOrigin(), r.unit()))
                        .setHeader("Reading at end").setFlexGrow(1),
                number(grid, "Energy kWh", r -> kwh(r.energyWh()))));
        sets.put(Set.TAF2, List.of(
                grid.addColumn(r -> r.tariffProfile() == null ? (r.hasData() ? "no profile" : "no data")
                        : r.tariffProfile()).setHeader("Tariff").setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(r -> r.zones().stream().map(z -> z.zone() + " " + kwh(z.energyWh()))
                        .collect(Collectors.joining(" · "))).setHeader("Zones kWh").setFlexGrow(1),
                number(grid, "Error register kWh", r -> kwh(r.errorWh())),
                number(grid, "Total kWh", r -> kwh(r.totalWh())),
                number(grid, "Without value", r -> r.missing() == null ? "" : formats.integer(r.missing()))));
    }

    /** Quarter hours resting on an SMGW.Lite reading; a short header (the tab fits 1400 px), the long name on hover. */
    private Grid.Column<MonthOverviewRow> unsigned(Grid<MonthOverviewRow> grid) {
        Span header = new Span("Unsigned");
        header.getElement().setAttribute("title", "Quarter hours resting on a reading of an SMGW.Lite gateway (legacy, unsigned)");
        return number(grid, "", r -> r.legacyQuarterHours() == null ? "" : formats.integer(r.legacyQuarterHours()))
                .setHeader(header);
    }

    void show(Set visible) {
        sets.forEach((set, cols) -> cols.forEach(c -> c.setVisible(set == visible)));
    }

    private static Grid.Column<MonthOverviewRow> number(Grid<MonthOverviewRow> grid, String header,
                                                        com.vaadin.flow.function.ValueProvider<MonthOverviewRow, String> value) {
        return grid.addColumn(value).setHeader(header).setAutoWidth(true).setFlexGrow(0);
    }

    private String kwh(BigDecimal wh) {
        return wh == null ? "" : formats.kwh(wh);
    }

    /** The boundary reading; "unsigned" when it came from an SMGW.Lite gateway (or a substitute was made from one). */
    private String reading(ReadingKind kind, BigDecimal value, String method, Origin origin, String unit) {
        if (kind == null) {
            return "";
        }
        String unsigned = origin == Origin.LEGACY ? "unsigned, SMGW.Lite" : null;
        return switch (kind) {
            case MISSING -> "missing";
            case TRUE -> formats.exact(value) + " " + unit + (unsigned == null ? "" : " (" + unsigned + ")");
            case SUBSTITUTE -> formats.exact(value) + " " + unit + " (substitute, " + method
                    + (unsigned == null ? "" : ", " + unsigned) + ")";
        };
    }
}
