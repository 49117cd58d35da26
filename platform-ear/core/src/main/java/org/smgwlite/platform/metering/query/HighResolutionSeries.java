package org.smgwlite.platform.metering.query;

import java.time.Duration;
import java.util.List;

/**
 * One register's fine line for a range: the mean power between consecutive readings where high-resolution readings
 * exist ({@link HighResolutionSteps}), thinned to at most {@code maxPoints} chart points with the energy kept exact.
 * Steps in time order; where one step's {@code to} is not the next one's {@code from} the line breaks.
 *
 * @param readings high-resolution readings of the register in the range, before thinning
 */
public record HighResolutionSeries(Register register, List<PowerStep> steps, int readings, int maxPoints) {

    public HighResolutionSeries {
        steps = List.copyOf(steps);
    }

    /** The fine line of {@code points} (quarter-hour values and readings of one register, any order) over {@code span}. */
    static HighResolutionSeries of(Register register, List<RegisterPoint> points, Duration span, int maxPoints) {
        List<List<RegisterPoint>> runs = HighResolutionSteps.thin(HighResolutionSteps.runs(points), span, maxPoints);
        return new HighResolutionSeries(register, HighResolutionSteps.steps(runs),
                (int) points.stream().filter(RegisterPoint::fine).count(), maxPoints);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Runs of touching steps: the pieces the line is drawn in. */
    public int runs() {
        int runs = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (i == 0 || !steps.get(i).from().equals(steps.get(i - 1).to())) {
                runs++;
            }
        }
        return runs;
    }

    /** Points a chart draws: each step's start and each run's end; never more than {@code maxPoints}. */
    public int chartPoints() {
        return steps.size() + runs();
    }
}
