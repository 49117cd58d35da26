package org.smgwlite.agent.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.LongSupplier;

import org.smgwlite.agent.mqtt.MqttPublisher;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.taf.TafValue;

/**
 * Where TAF 14 samples go: the store's local history (when {@code taf14.store} is on; written without fsync and
 * flushed every {@value #FLUSH_SECONDS} s of monotonic time) and MQTT (once connected). Samples are not billing
 * values: one that cannot be stored is reported on stderr and forgotten. Loop thread only.
 */
final class SampleOutput {

    static final long FLUSH_SECONDS = 10;

    private final ValueStore store;
    private final boolean keepLocally;
    private final LongSupplier monotonicNanos;
    private final PrintStream err;
    private MqttPublisher mqtt;
    private long lastFlush;

    /** @param monotonicNanos {@code null} when the clock is a simulation: then the local history is not flushed on time */
    SampleOutput(ValueStore store, boolean keepLocally, LongSupplier monotonicNanos, PrintStream err) {
        this.store = store;
        this.keepLocally = keepLocally;
        this.monotonicNanos = monotonicNanos;
        this.err = err;
    }

    void publishTo(MqttPublisher publisher) {
        this.mqtt = publisher;
    }

    void sample(List<TafValue> values) {
        if (keepLocally) {
            try {
                store.appendLocal(values);
            } catch (IOException e) {
                err.println("device-agent: TAF 14 sample not stored: " + e.getMessage());
            }
        }
        if (mqtt != null) {
            mqtt.publish(values);
        }
    }

    /** Flushes the local history when {@value #FLUSH_SECONDS} s have passed since the last flush. */
    void flushIfDue() {
        if (monotonicNanos == null) {
            return;
        }
        long now = monotonicNanos.getAsLong();
        if (now - lastFlush > FLUSH_SECONDS * 1_000_000_000L) {
            lastFlush = now;
            try {
                store.flushLocal();
            } catch (IOException e) {
                err.println("device-agent: " + e.getMessage());
            }
        }
    }
}
