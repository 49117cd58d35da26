package org.smgwlite.admin.curve;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Energy per day as grouped bars ({@code smgw-energy-bars.js}, plain SVG, no library): the page sends labels and
 * hover texts already formatted in its locale, and values in kWh for drawing only (the exact numbers are in the
 * table below the chart).
 */
@Tag("smgw-energy-bars")
@JsModule("./smgw-energy-bars.js")
public class EnergyBarsChart extends Component implements HasSize {

    /** One bar per day; a null value draws no bar. {@code texts} are the hover texts, one per day. */
    public record Series(String name, String color, List<BigDecimal> kwh, List<String> texts) {
    }

    public EnergyBarsChart() {
        setWidthFull();
        getElement().getStyle().set("display", "block");
    }

    public void show(String title, String unit, Locale locale, List<String> labels, List<Series> series) {
        for (Series s : series) {
            if (s.kwh().size() != labels.size() || s.texts().size() != labels.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.kwh().size() + " values and "
                        + s.texts().size() + " texts for " + labels.size() + " days");
            }
        }
        getElement().callJsFunction("setBars", json(title, unit, locale, labels, series));
    }

    static String json(String title, String unit, Locale locale, List<String> labels, List<Series> series) {
        StringBuilder out = new StringBuilder(256 + labels.size() * 64);
        out.append("{\"title\":").append(quote(title)).append(",\"unit\":").append(quote(unit))
                .append(",\"lang\":").append(quote(locale.toLanguageTag())).append(",\"labels\":[");
        list(out, labels.stream().map(EnergyBarsChart::quote).toList());
        out.append("],\"series\":[");
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            out.append(k == 0 ? "" : ",").append("{\"name\":").append(quote(s.name()))
                    .append(",\"color\":").append(quote(s.color())).append(",\"values\":[");
            list(out, s.kwh().stream().map(v -> v == null ? "null" : v.toPlainString()).toList());
            out.append("],\"texts\":[");
            list(out, s.texts().stream().map(EnergyBarsChart::quote).toList());
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    private static void list(StringBuilder out, List<String> items) {
        out.append(String.join(",", items));
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
