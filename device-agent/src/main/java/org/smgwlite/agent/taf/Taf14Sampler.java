package org.smgwlite.agent.taf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;

/**
 * TAF 14: every N seconds (1..60, on multiples of N since the epoch) the latest power and registers, for local use
 * (MQTT, status page, local history). A sample is only taken from a telegram at most {@code 2 * N} seconds old
 * (at least 3 s), so a silent meter produces no samples rather than stale ones.
 */
public final class Taf14Sampler {

    /** The power value's name in TAF 14 samples: sum active instantaneous power. */
    public static final ObisCode POWER = new ObisCode(1, 0, 16, 7, 0, 255);

    private final long intervalMillis;
    private final Consumer<List<TafValue>> listener;
    private Snapshot latest;
    private Instant nextSample;

    public Taf14Sampler(int intervalSeconds, Consumer<List<TafValue>> listener) {
        if (intervalSeconds < 1 || intervalSeconds > 60) {
            throw new IllegalArgumentException("TAF 14 interval must be 1..60 s, was " + intervalSeconds);
        }
        this.intervalMillis = intervalSeconds * 1000L;
        this.listener = listener;
    }

    public void offer(Snapshot snapshot) {
        advance(snapshot.at());
        latest = snapshot;
        if (nextSample == null) {
            nextSample = Instant.ofEpochMilli(Math.floorDiv(snapshot.at().toEpochMilli(), intervalMillis) * intervalMillis
                    + intervalMillis);
        }
    }

    public void advance(Instant now) {
        if (nextSample == null || now.isBefore(nextSample)) {
            return;
        }
        Instant sampleAt = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), intervalMillis) * intervalMillis);
        nextSample = sampleAt.plusMillis(intervalMillis);
        long maxAge = Math.max(3000, 2 * intervalMillis);
        if (latest == null || Duration.between(latest.at(), sampleAt).toMillis() > maxAge) {
            return;
        }
        listener.accept(values(sampleAt, latest));
    }

    static List<TafValue> values(Instant sampleAt, Snapshot s) {
        List<TafValue> values = new ArrayList<>(s.registers().size() + 1);
        ValueStatus status = new ValueStatus(null, s.gatewayBits());
        if (s.power() != null) {
            values.add(new TafValue(0, TafKind.TAF14, s.meterId(), sampleAt, POWER, s.power(), s.at(), status, null));
        }
        for (Snapshot.Register r : s.registers()) {
            values.add(new TafValue(0, TafKind.TAF14, s.meterId(), sampleAt, r.obis(), r.value(), s.at(),
                    new ValueStatus(r.meterStatus(), s.gatewayBits()), null));
        }
        return values;
    }
}
