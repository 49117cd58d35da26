package org.smgwlite.agent.simulator;

import java.time.Instant;
import java.util.Random;

/**
 * A household's power over the day: night base load, morning and evening peaks, lunch, appliance spikes, plus an
 * optional PV system producing a clear-sky bell between sunrise and sunset with passing clouds. Deterministic for a
 * seed. Power is in centiwatts (the meter's 0.01 W resolution); energy registers are integrated from it exactly.
 * The shape uses the local time of Germany in winter (UTC+1).
 */
public final class LoadProfile {

    private final Random random;
    private final long pvPeakCentiwatts;
    private double cloud = 1.0;
    private int spikeSecondsLeft;
    private long spikeCentiwatts;

    /**
     * @param pvPeakWatts PV peak power in W (0 for none)
     */
    public LoadProfile(long seed, long pvPeakWatts) {
        this.random = new Random(seed);
        this.pvPeakCentiwatts = pvPeakWatts * 100;
    }

    /** Household consumption in centiwatts at {@code t}; call once per simulated second step. */
    public long consumption(Instant t, int stepSeconds) {
        double h = hourOfDay(t);
        double watts = 140
                + 450 * bump(h, 7.0, 0.8)
                + 350 * bump(h, 12.5, 0.9)
                + 900 * bump(h, 19.0, 1.6)
                + 150 * bump(h, 22.5, 0.7);
        if (spikeSecondsLeft <= 0 && random.nextInt(1800) < stepSeconds) {
            spikeSecondsLeft = 60 + random.nextInt(900);     // kettle, washing machine, oven
            spikeCentiwatts = (800 + random.nextInt(1500)) * 100L;
        }
        long spike = 0;
        if (spikeSecondsLeft > 0) {
            spikeSecondsLeft -= stepSeconds;
            spike = spikeCentiwatts;
        }
        long noise = random.nextInt(2001) - 1000;           // +-10 W
        return Math.max(5_000, Math.round(watts * 100) + spike + noise);
    }

    /** PV production in centiwatts at {@code t}. */
    public long production(Instant t, int stepSeconds) {
        if (pvPeakCentiwatts == 0) {
            return 0;
        }
        double h = hourOfDay(t);
        if (h < 7 || h > 17) {
            return 0;
        }
        cloud += (random.nextGaussian() * 0.02 - (cloud - 0.85) * 0.01) * Math.sqrt(stepSeconds);
        cloud = Math.min(1.0, Math.max(0.2, cloud));
        double sun = Math.sin(Math.PI * (h - 7) / 10);
        return Math.round(pvPeakCentiwatts * sun * sun * cloud);
    }

    private static double bump(double h, double centre, double width) {
        double d = (h - centre) / width;
        return Math.exp(-d * d);
    }

    private static double hourOfDay(Instant t) {
        long local = t.getEpochSecond() + 3600;
        return Math.floorMod(local, 86_400) / 3600.0;
    }
}
