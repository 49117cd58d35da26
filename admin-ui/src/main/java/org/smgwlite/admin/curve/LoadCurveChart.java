package org.smgwlite.admin.curve;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.ZoneId;
import java.util.Base64;

/**
 * uPlot (MIT, from npm) behind a small custom element, {@code smgw-load-curve.js}. A year of
 * 15-minute values (35,040 points per series) travels as two base64 Float32 arrays on a regular
 * grid, a few hundred kilobytes, instead of JSON objects per point; quarter hours resting on a substitute value
 * (Ersatzwert) travel as two more arrays and are drawn dashed. In the day view, SMGW.Lite readings between the quarter
 * hours add thin lines on their own time points ({@link #showHighResolution}).
 */
@Tag("smgw-load-curve")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./smgw-load-curve.js")
@CssImport("uplot/dist/uPlot.min.css")
public class LoadCurveChart extends Component implements HasSize {

    public LoadCurveChart() {
        setWidthFull();
        setHeight("360px");
        getElement().getStyle().set("display", "block");
    }

    /**
     * Shows the import and export power on the grid {@code startEpochSecond + i * stepSeconds}, each as its true
     * quarter hours (solid) and its substitute ones (dashed, {@link ChartSeries}); {@code NaN} is a gap. The labels
     * name them in the legend, in the page's language; the substitute series are left out when there is none.
     */
    public void show(long startEpochSecond, int stepSeconds, ChartSeries imports, ChartSeries exports, ZoneId zone,
                     String importLabel, String exportLabel, String importSubstituteLabel, String exportSubstituteLabel) {
        int n = imports.trueW().length;
        if (exports.trueW().length != n) {
            throw new IllegalArgumentException("series lengths differ: " + n + " vs " + exports.trueW().length);
        }
        getElement().setAttribute("data-substitutes", String.valueOf(imports.substitutes() + exports.substitutes()));
        getElement().callJsFunction("setCurve", (double) startEpochSecond, stepSeconds, n,
                base64(imports.trueW()), base64(exports.trueW()), zone.getId(), importLabel, exportLabel,
                base64(imports.substituteW()), base64(exports.substituteW()), importSubstituteLabel, exportSubstituteLabel);
    }

    /**
     * Adds the day view's fine lines ({@link FineLine}: SMGW.Lite readings between the quarter hours) as thin lines on
     * the same power axis, with their own time points, after {@link #show}; a register without one gets no legend
     * entry. The element's {@code data-hires-points} then says how many points they hold.
     */
    void showHighResolution(long startEpochSecond, FineLine imports, FineLine exports, String importLabel,
                            String exportLabel) {
        getElement().callJsFunction("setFine", (double) startEpochSecond, imports.points(), base64(imports.offsets()),
                base64(imports.watts()), exports.points(), base64(exports.offsets()), base64(exports.watts()), importLabel,
                exportLabel);
    }

    /** No fine lines (a longer range, or a day without high-resolution readings). */
    public void clearHighResolution() {
        showHighResolution(0, FineLine.NONE, FineLine.NONE, "", "");
    }

    static String base64(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
