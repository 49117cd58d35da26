package org.smgwlite.admin.curve;

import java.util.List;
import org.smgwlite.platform.metering.query.HighResolutionSeries;
import org.smgwlite.platform.metering.query.PowerStep;

/**
 * One register's fine line (SMGW.Lite readings between the quarter hours) as the chart draws it: its own irregular
 * time points, seconds after the curve's start, each with the mean power from there to the next point (a step, as the
 * quarter-hour line); each run of touching steps ends in a NaN point at its end, so the line breaks there. Float32 holds
 * the offsets exactly (a day view is under 2^24 s).
 */
record FineLine(float[] offsets, float[] watts) {

    static final FineLine NONE = new FineLine(new float[0], new float[0]);

    static FineLine of(HighResolutionSeries series, long startEpochSecond) {
        List<PowerStep> steps = series.steps();
        int n = series.chartPoints();
        float[] offsets = new float[n];
        float[] watts = new float[n];
        int p = 0;
        for (int i = 0; i < steps.size(); i++) {
            PowerStep step = steps.get(i);
            if (i > 0 && !step.from().equals(steps.get(i - 1).to())) {
                p = end(offsets, watts, p, steps.get(i - 1), startEpochSecond);
            }
            offsets[p] = step.from().getEpochSecond() - startEpochSecond;
            watts[p++] = step.watts().floatValue();
        }
        if (!steps.isEmpty()) {
            end(offsets, watts, p, steps.get(steps.size() - 1), startEpochSecond);
        }
        return new FineLine(offsets, watts);
    }

    private static int end(float[] offsets, float[] watts, int p, PowerStep last, long startEpochSecond) {
        offsets[p] = last.to().getEpochSecond() - startEpochSecond;
        watts[p] = Float.NaN;
        return p + 1;
    }

    int points() {
        return offsets.length;
    }
}
