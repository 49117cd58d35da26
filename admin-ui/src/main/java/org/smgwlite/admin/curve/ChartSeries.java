package org.smgwlite.admin.curve;

import java.util.Arrays;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * One register's power for the chart, split in two: the quarter hours from true values (drawn solid) and those whose
 * energy rests on a substitute value (Ersatzwert, drawn dashed). Each array has NaN where the other has the value, and
 * both have NaN for a gap, so a gap stays a gap and nothing is drawn twice.
 */
record ChartSeries(float[] trueW, float[] substituteW, int substitutes) {

    static ChartSeries of(IntervalSeries series) {
        float[] power = series.powerForChart();
        float[] substitute = new float[power.length];
        Arrays.fill(substitute, Float.NaN);
        int count = 0;
        for (int i = 0; i < power.length; i++) {
            if (series.substituteMethod(i) != null) {
                substitute[i] = power[i];
                power[i] = Float.NaN;
                count++;
            }
        }
        return new ChartSeries(power, substitute, count);
    }
}
