package org.smgwlite.agent.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.smgwlite.agent.agent.MeterPipeline;
import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.SlotAlignment;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * Runs N virtual meters for D simulated days, each through the real path: {@link VirtualMeter} encodes SML
 * telegrams with the SML writer, {@link SimulatedMeterSource} hands them out as bytes, and a {@link MeterPipeline}
 * frames, decodes and runs the TAFs on them. With an output directory each meter also gets its own store and
 * Eichlog, as an agent would. Meters run in parallel, one per core.
 */
public final class FleetSimulator {

    /** What to simulate. {@code out} may be null (values are then only counted and kept in memory). */
    public record Plan(int meters, Instant start, int days, int intervalSeconds, long pvWatts, long seed,
                       SlotAlignment alignment, Path out, OutputStream firstMeterStream) {
    }

    /** One meter's outcome. */
    public record MeterRun(String meterId, long telegrams, long bytes, long rejections,
                           Map<ObisCode, Map<LocalDate, Integer>> taf7PerDay, int flaggedSlots,
                           List<TafValue> taf7, List<String> events) {
    }

    private FleetSimulator() {
    }

    public static List<MeterRun> run(Plan plan) throws IOException {
        int threads = Math.max(1, Math.min(plan.meters(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<MeterRun>> futures = new ArrayList<>();
            for (int m = 1; m <= plan.meters(); m++) {
                int number = m;
                futures.add(pool.submit(() -> runMeter(plan, number)));
            }
            List<MeterRun> runs = new ArrayList<>();
            for (Future<MeterRun> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("simulated meter failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("simulation interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    static MeterRun runMeter(Plan plan, int number) throws IOException {
        SimulationClock clock = new SimulationClock(plan.start());
        VirtualMeter meter = new VirtualMeter(number, plan.seed(), plan.pvWatts());
        Instant end = plan.start().plus(Duration.ofDays(plan.days())).plusSeconds(60);
        SimulatedMeterSource source = new SimulatedMeterSource(meter, clock, plan.intervalSeconds(), plan.start(), end);
        ValueStore store = null;
        Eichlog eichlog = null;
        List<String> events = new ArrayList<>();
        if (plan.out() != null) {
            Path dir = plan.out().resolve(String.format("meter-%04d", number));
            eichlog = Eichlog.open(dir.resolve("eichlog.log"), clock);
            eichlog.append(EventType.START, "fleet simulator, meter " + number);
            store = ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, note -> events.add(note.toString()));
        }
        Collector collector = new Collector(store, eichlog, events);
        MeterPipeline pipeline = new MeterPipeline(new MeterPipeline.Settings(plan.alignment(), 0,
                Duration.ofSeconds(Math.max(30, 3L * plan.intervalSeconds())), 2000, org.smgwlite.agent.meter.MeterProtocol.SML), clock, null, () -> true,
                collector);
        byte[] buffer = new byte[4096];
        long bytes = 0;
        OutputStream stream = number == 1 ? plan.firstMeterStream() : null;
        try {
            for (int n; (n = source.read(buffer)) >= 0; ) {
                if (n > 0) {
                    bytes += n;
                    if (stream != null) {
                        stream.write(buffer, 0, n);
                    }
                    pipeline.accept(buffer, 0, n);
                } else {
                    pipeline.tick();
                }
            }
            pipeline.endOfStream();
            if (collector.failure != null) {
                throw collector.failure;
            }
        } finally {
            if (store != null) {
                store.close();
            }
            if (eichlog != null) {
                eichlog.append(EventType.STOP, "fleet simulator done");
                eichlog.close();
            }
        }
        return new MeterRun(java.util.HexFormat.of().formatHex(meter.serverId()), pipeline.telegrams(), bytes,
                pipeline.rejections(), collector.perDay, collector.flagged, collector.values, events);
    }

    private static final class Collector implements MeterPipeline.Sink {
        final ValueStore store;
        final Eichlog eichlog;
        final List<String> events;
        final Map<ObisCode, Map<LocalDate, Integer>> perDay = new TreeMap<>(
                java.util.Comparator.comparing(ObisCode::toString));
        final List<TafValue> values = new ArrayList<>();
        int flagged;
        IOException failure;

        Collector(ValueStore store, Eichlog eichlog, List<String> events) {
            this.store = store;
            this.eichlog = eichlog;
            this.events = events;
        }

        @Override
        public void billing(List<TafValue> batch) {
            List<TafValue> stored = batch;
            if (store != null && failure == null) {
                try {
                    stored = store.appendBilling(batch);
                } catch (IOException e) {
                    failure = e;
                }
            }
            for (TafValue v : stored) {
                if (v.kind() != TafKind.TAF7) {
                    continue;
                }
                values.add(v);
                perDay.computeIfAbsent(v.obis(), o -> new TreeMap<>())
                        .merge(LocalDate.ofInstant(v.slot(), ZoneOffset.UTC), 1, Integer::sum);
            }
            if (!batch.isEmpty() && (batch.get(0).status().has(GatewayStatus.NO_VALUE)
                    || batch.get(0).status().has(GatewayStatus.OUT_OF_TOLERANCE))) {
                flagged++;
            }
        }

        @Override
        public void sample(List<TafValue> sample) {
        }

        @Override
        public void event(EventType type, String detail) {
            events.add(type + " " + detail);
            if (eichlog != null && failure == null) {
                try {
                    eichlog.append(type, detail);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
    }
}
