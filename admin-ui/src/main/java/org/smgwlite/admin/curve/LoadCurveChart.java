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
 * grid, a few hundred kilobytes, instead of JSON objects per point.
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
     * Shows two power series on the grid {@code startEpochSecond + i * stepSeconds}; {@code NaN}
     * is a gap. The labels name them in the legend, in the page's language.
     */
    public void show(long startEpochSecond, int stepSeconds, float[] importW, float[] exportW, ZoneId zone,
                     String importLabel, String exportLabel) {
        if (importW.length != exportW.length) {
            throw new IllegalArgumentException("series lengths differ: " + importW.length + " vs " + exportW.length);
        }
        getElement().callJsFunction("setCurve", (double) startEpochSecond, stepSeconds, importW.length,
                base64(importW), base64(exportW), zone.getId(), importLabel, exportLabel);
    }

    static String base64(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
