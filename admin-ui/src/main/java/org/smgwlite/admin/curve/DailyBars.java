package org.smgwlite.admin.curve;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.metering.query.DailyEnergy;
import org.smgwlite.platform.metering.query.EnergyTotal;

/**
 * What the daily bars show of a {@link DailyEnergy}: import per day next to the same day of the period before, and
 * export the same way for a meter that reports export (a consumer meter's zeros would only crowd the chart). Day i of
 * the period before stands next to day i; where that period is shorter (February before March) there is no bar.
 * Labels and hover texts are written in the page's locale; a week's days carry their weekday.
 */
final class DailyBars {

    static final String IMPORT = "#1676f3";
    static final String IMPORT_BEFORE = "#9cc3f9";
    static final String EXPORT = "#2a9d3a";
    static final String EXPORT_BEFORE = "#9fd6a8";

    record Bars(List<String> labels, List<EnergyBarsChart.Series> series) {
    }

    private DailyBars() {
    }

    /** {@code text} gives the UI text of a key ({@code curve.bars.*}). */
    static Bars of(DailyEnergy energy, boolean exportMetered, LocalFormats formats, Function<String, String> text) {
        boolean week = energy.days().size() <= 7;
        List<String> labels = energy.days().stream()
                .map(d -> week ? formats.dayWithWeekday(d.start()) : formats.date(d.start()))
                .toList();
        List<EnergyBarsChart.Series> series = new ArrayList<>();
        series.add(series(text.apply("curve.bars.import"), IMPORT, energy.days(), EnergyTotal::importWh, labels.size(), formats));
        series.add(series(text.apply("curve.bars.import.previous"), IMPORT_BEFORE, energy.previousDays(),
                EnergyTotal::importWh, labels.size(), formats));
        if (exportMetered) {
            series.add(series(text.apply("curve.bars.export"), EXPORT, energy.days(), EnergyTotal::exportWh, labels.size(),
                    formats));
            series.add(series(text.apply("curve.bars.export.previous"), EXPORT_BEFORE, energy.previousDays(),
                    EnergyTotal::exportWh, labels.size(), formats));
        }
        return new Bars(labels, series);
    }

    private static EnergyBarsChart.Series series(String name, String color, List<EnergyTotal> days,
                                                 Function<EnergyTotal, BigDecimal> wh, int size, LocalFormats formats) {
        List<BigDecimal> kwh = new ArrayList<>(size);
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            EnergyTotal d = i < days.size() ? days.get(i) : null;
            kwh.add(d == null ? null : wh.apply(d).movePointLeft(3));
            texts.add(d == null ? "" : formats.dayWithWeekday(d.start()) + " · " + name + ": " + formats.kwh(wh.apply(d))
                    + " kWh");
        }
        return new EnergyBarsChart.Series(name, color, kwh, texts);
    }
}
