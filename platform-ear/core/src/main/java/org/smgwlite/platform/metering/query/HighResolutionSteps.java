package org.smgwlite.platform.metering.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of the day view's fine line, without a database. A register's quarter-hour values and high-resolution
 * readings (SMGW.Lite TAF 14, late TAF 7) in time order; two consecutive ones make a {@link PowerStep} when they are
 * 1 s to {@link #MAX_STEP} apart and at least one of them is a high-resolution reading, so the line exists only where
 * fine data does and breaks elsewhere (two quarter-hour values next to each other are the curve's own step). Steps
 * that touch form a run. A second holding a quarter-hour value and a reading keeps the quarter-hour value.
 *
 * <p>Thinning keeps the energy exact: it drops readings inside a run, never its first or last, so a kept step spans
 * the dropped ones and its energy is their sum (the register difference of the readings it joins).
 */
final class HighResolutionSteps {

    /** Readings further apart than this do not make a step: a break in the fine line. */
    static final Duration MAX_STEP = CurveRange.SLOT;

    private static final Comparator<RegisterPoint> TIME_ORDER =
            Comparator.comparing(RegisterPoint::at).thenComparing(RegisterPoint::fine); // the slot value first

    private HighResolutionSteps() {
    }

    /** The runs of {@code points} (any order): each at least two points, consecutive points a step apart. */
    static List<List<RegisterPoint>> runs(List<RegisterPoint> points) {
        List<List<RegisterPoint>> runs = new ArrayList<>();
        List<RegisterPoint> run = new ArrayList<>();
        RegisterPoint previous = null;
        for (RegisterPoint p : points.stream().sorted(TIME_ORDER).toList()) {
            if (previous != null && p.at().equals(previous.at())) {
                continue;
            }
            if (previous != null && makesStep(previous, p)) {
                if (run.isEmpty()) {
                    run.add(previous);
                }
                run.add(p);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            previous = p;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    static boolean makesStep(RegisterPoint a, RegisterPoint b) {
        long seconds = b.at().getEpochSecond() - a.at().getEpochSecond();
        return seconds > 0 && seconds <= MAX_STEP.getSeconds() && (a.fine() || b.fine());
    }

    /** Points a chart draws for {@code runs}: each run's points (its steps' starts and the end of its last step). */
    static int chartPoints(List<List<RegisterPoint>> runs) {
        return runs.stream().mapToInt(List::size).sum();
    }

    /**
     * {@code runs} with at most {@code maxPoints} chart points: readings inside a run are dropped so that a kept step
     * is at least as long as a width that starts at {@code span / maxPoints} and grows by the excess until the runs
     * fit. Runs that fit already are left whole. Each run keeps its two ends, so only more than {@code maxPoints / 2}
     * runs could exceed the cap; a break needs 15 minutes without a step, so a day has at most about a hundred.
     */
    static List<List<RegisterPoint>> thin(List<List<RegisterPoint>> runs, Duration span, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a fine line needs at least 2 points, was " + maxPoints);
        }
        List<List<RegisterPoint>> thinned = runs;
        long width = ceilDiv(Math.max(1, span.getSeconds()), maxPoints);
        int points = chartPoints(thinned);
        while (points > maxPoints && width <= span.getSeconds()) {
            long w = width;
            thinned = runs.stream().map(run -> thin(run, w)).toList();
            width = Math.max(width + 1, ceilDiv(width * chartPoints(thinned), maxPoints));
            points = chartPoints(thinned);
        }
        return thinned;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The run's first and last point and, between them, each point at least {@code width} seconds after the last kept. */
    private static List<RegisterPoint> thin(List<RegisterPoint> run, long width) {
        List<RegisterPoint> kept = new ArrayList<>();
        RegisterPoint last = run.get(0);
        kept.add(last);
        for (int i = 1; i < run.size() - 1; i++) {
            RegisterPoint p = run.get(i);
            if (p.at().getEpochSecond() - last.at().getEpochSecond() >= width) {
                kept.add(p);
                last = p;
            }
        }
        kept.add(run.get(run.size() - 1));
        return kept;
    }

    /** The steps of {@code runs} in time order. */
    static List<PowerStep> steps(List<List<RegisterPoint>> runs) {
        List<PowerStep> steps = new ArrayList<>();
        for (List<RegisterPoint> run : runs) {
            for (int i = 1; i < run.size(); i++) {
                steps.add(PowerStep.between(run.get(i - 1), run.get(i)));
            }
        }
        return steps;
    }
}
