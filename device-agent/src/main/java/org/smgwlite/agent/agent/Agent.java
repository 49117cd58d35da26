package org.smgwlite.agent.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.mqtt.HomeAssistantTopics;
import org.smgwlite.agent.mqtt.MqttPublisher;
import org.smgwlite.agent.source.ByteSource;
import org.smgwlite.agent.statuspage.StatusServer;
import org.smgwlite.agent.statuspage.StatusView;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.upload.HttpsTaf6Channel;
import org.smgwlite.agent.upload.Taf6Poller;
import org.smgwlite.agent.upload.Uploader;

/**
 * The long-running agent: reads the source, feeds the {@link MeterPipeline}, stores billing values durably, keeps
 * the Eichlog, serves the status page and publishes TAF 14 to MQTT.
 *
 * <p>Fault policy: nothing that goes wrong outside the agent's own code stops it. A failed store write (disk full)
 * keeps the values in memory and retries on every step, logging the failure and the recovery; a failing source is
 * reopened; a broken Eichlog write is reported on stderr (there is nowhere else left to write it).
 * One thread runs the loop; the status page's TAF 6 trigger is queued into it.
 *
 * <p>For every billing value it has made durable the agent prints {@code STORED <value>} on stdout, after the
 * fsync: a supervisor (and the kill test) may rely on every such line surviving a crash.
 */
public final class Agent implements AutoCloseable {

    /** Opens a byte source; called again after the source failed. */
    @FunctionalInterface
    public interface SourceFactory {
        ByteSource open() throws IOException;
    }

    /** Billing batches held in memory while the store cannot write; beyond this the oldest is dropped and logged. */
    static final int MAX_PENDING_BATCHES = 4 * 96;

    private final AgentConfig config;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final PrintStream out;
    private final PrintStream err;
    private final Eichlog eichlog;
    private final ValueStore store;
    private final MeterPipeline pipeline;
    private final Deque<List<TafValue>> pending = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> requests = new ConcurrentLinkedQueue<>();
    private StatusServer statusServer;
    private MqttPublisher mqtt;
    private org.smgwlite.agent.upload.UploadService upload;
    private Taf6Poller taf6Poller;
    private volatile boolean running = true;
    private volatile StatusView view;
    private boolean storeFailing;
    private boolean sourceFailing;
    private String lastStored;
    private String sourceName = "-";
    private long lastLocalFlush;

    /**
     * Opens store and Eichlog (repairing torn tails, logging the repair), logs START and the configuration.
     *
     * @param monotonicNanos {@code System::nanoTime}, or {@code null} when {@code clock} is a simulation
     */
    public Agent(AgentConfig config, Clock clock, LongSupplier monotonicNanos, WriteGuard guard, PrintStream out,
                 PrintStream err) throws IOException {
        this.config = config;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.out = out;
        this.err = err;
        this.eichlog = Eichlog.open(config.eichlogFile(), clock);
        event(EventType.START, "device-agent pid " + ProcessHandle.current().pid());
        ValueStore opened;
        try {
            opened = ValueStore.open(config.storeDir(), config.storeCapacityBytes(), guard, this::storeEvent);
        } catch (IOException | RuntimeException e) {
            eichlog.close();
            throw e;
        }
        this.store = opened;
        logConfig();
        BooleanSupplier sync = TimeSync.of(config.timeSync());
        this.pipeline = new MeterPipeline(config.pipelineSettings(), clock, monotonicNanos, sync, new Sink());
        if (store.lastTaf7Slot() != null) {
            pipeline.resumeAfter(store.lastTaf7Slot(), store.lastMeterId(), store.lastTaf7Registers());
        }
        publishView();
    }

    private void storeEvent(String note) {
        event(note.startsWith("store full: evicted") ? EventType.STORE_EVICTION : EventType.STORE_REPAIR, note);
    }

    private void logConfig() throws IOException {
        Path last = config.storeDir().resolve("config.fingerprint");
        String previous = Files.exists(last) ? Files.readString(last, StandardCharsets.US_ASCII).strip() : null;
        if (!config.fingerprint().equals(previous)) {
            event(EventType.CONFIG, (previous == null ? "initial " : "changed from " + previous + ": ")
                    + config.summary());
            Files.writeString(last, config.fingerprint() + "\n", StandardCharsets.US_ASCII);
        }
    }

    /** Starts the status page and MQTT as configured. Separate from the constructor so tests can leave them out. */
    public void startServices() throws IOException {
        if (config.statusPort() >= 0) {
            statusServer = new StatusServer(new InetSocketAddress(config.statusBind(), config.statusPort()),
                    () -> view, this::requestTaf6);
            err.println("device-agent: status page on http://" + config.statusBind() + ":" + statusServer.port() + "/");
        }
        if (config.mqttUrl() != null) {
            mqtt = new MqttPublisher(config.mqttUrl(), config.mqttClientId(),
                    new HomeAssistantTopics(config.mqttDiscoveryPrefix(), config.mqttTopicPrefix()),
                    store.lastMeterId(), err::println);
        }
        if (config.upload() != null) {
            upload = new org.smgwlite.agent.upload.UploadService(config.upload(), new LoopPendingValues(),
                    config.eichlogFile(), clock,
                    note -> {
                        err.println("device-agent: " + note);
                        if (note.startsWith(Uploader.ACKNOWLEDGED) || note.startsWith(Uploader.REFUSED)
                                || note.startsWith(Uploader.UNANSWERED)) {
                            requests.add(() -> recordUpload(note));
                        }
                    });
            upload.start();
            org.smgwlite.agent.upload.UploadService uploads = upload;
            taf6Poller = new Taf6Poller(new HttpsTaf6Channel(config.upload().devicePort(), uploads::deviceTls),
                    order -> requestTaf6(order.reason(), order.id()), uploads::answerNow, d -> Thread.sleep(d.toMillis()),
                    System::nanoTime, note -> err.println("device-agent: " + note));
            taf6Poller.start();
        }
    }

    /** The store for the upload thread: every call runs on the loop thread, which owns the store. */
    private final class LoopPendingValues implements org.smgwlite.agent.upload.PendingValues {
        @Override
        public List<TafValue> readUnacknowledged(int max) throws IOException {
            return onLoop(() -> store.readUnacknowledged(max));
        }

        @Override
        public void acknowledge(long upToSeq) throws IOException {
            onLoop(() -> {
                store.acknowledge(upToSeq);
                return null;
            });
        }
    }

    private interface StoreCall<T> {
        T call() throws IOException;
    }

    private <T> T onLoop(StoreCall<T> call) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        requests.add(() -> {
            try {
                result.complete(call.call());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("agent loop did not answer within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Port of the status page, or -1 when it is off. */
    public int statusPort() {
        return statusServer == null ? -1 : statusServer.port();
    }

    /** Where a replayed or simulated source should resume: the newest TAF 7 slot in the store, or {@code null}. */
    public Instant lastTaf7Slot() {
        return store.lastTaf7Slot();
    }

    /** Runs until {@link #stop} or the end of a replayed source. */
    public void run(SourceFactory sources) {
        byte[] buffer = new byte[4096];
        ByteSource source = null;
        try {
            while (running) {
                if (source == null) {
                    source = openSource(sources);
                    if (source == null) {
                        step();
                        continue;
                    }
                }
                int n;
                try {
                    n = source.read(buffer);
                } catch (IOException e) {
                    sourceFailed(source, e);
                    closeQuietly(source);
                    source = null;
                    continue;
                }
                if (n < 0) {
                    pipeline.endOfStream();
                    step();
                    break;
                }
                if (n > 0) {
                    pipeline.accept(buffer, 0, n);
                }
                step();
            }
        } finally {
            closeQuietly(source);
        }
    }

    private ByteSource openSource(SourceFactory sources) {
        try {
            ByteSource s = sources.open();
            sourceName = s.describe();
            if (sourceFailing) {
                sourceFailing = false;
                event(EventType.SOURCE_BACK, sourceName);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            sourceFailed(null, e);
            sleepQuietly(1000);
            return null;
        }
    }

    private void sourceFailed(ByteSource s, Exception e) {
        if (!sourceFailing) {
            sourceFailing = true;
            event(EventType.SOURCE_ERROR, (s == null ? config.source() : s.describe()) + ": " + e.getMessage());
        }
    }

    /** One turn of the loop besides reading: time, queued requests, store retries, local flush, status view. */
    void step() {
        pipeline.tick();
        Runnable r;
        while ((r = requests.poll()) != null) {
            r.run();
        }
        flushPending();
        if (monotonicNanos != null) {
            long now = monotonicNanos.getAsLong();
            if (now - lastLocalFlush > 10_000_000_000L) {
                lastLocalFlush = now;
                try {
                    store.flushLocal();
                } catch (IOException e) {
                    err.println("device-agent: " + e.getMessage());
                }
            }
        }
        publishView();
    }

    /**
     * A local TAF 6 reading (the status page), taken on the loop thread.
     *
     * @throws IllegalStateException if there is no reading yet or the loop does not answer within 10 s
     */
    public List<TafValue> requestTaf6(String reason) {
        return requestTaf6(reason, null);
    }

    /**
     * A TAF 6 reading taken on the loop thread and journaled (durable before this returns, unless the store is
     * failing), answering the platform's request {@code requestId} ({@code null}: a local reading).
     *
     * @throws IllegalStateException if there is no reading yet or the loop does not answer within 10 s
     */
    public List<TafValue> requestTaf6(String reason, Long requestId) {
        CompletableFuture<List<TafValue>> result = new CompletableFuture<>();
        requests.add(() -> {
            try {
                result.complete(pipeline.takeTaf6(reason, requestId));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("TAF 6: agent loop did not answer within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("TAF 6: interrupted");
        }
    }

    /** For the uploader (next issue): records an upload in the Eichlog and on the status page. */
    public void recordUpload(String summary) {
        event(EventType.UPLOAD, summary);
    }

    /** The store, for the uploader: read unacknowledged values, acknowledge up to a sequence number. */
    public ValueStore store() {
        return store;
    }

    private final class Sink implements MeterPipeline.Sink {
        @Override
        public void billing(List<TafValue> values) {
            if (pending.size() >= MAX_PENDING_BATCHES) {
                List<TafValue> dropped = pending.removeFirst();
                event(EventType.STORE_WRITE_FAILED, "value lost, store unwritable too long: " + dropped.get(0));
            }
            pending.addLast(values);
            flushPending();
        }

        @Override
        public void sample(List<TafValue> values) {
            if (config.taf14Store()) {
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

        @Override
        public void event(EventType type, String detail) {
            Agent.this.event(type, detail);
        }
    }

    private void flushPending() {
        while (!pending.isEmpty()) {
            List<TafValue> stored;
            try {
                stored = store.appendBilling(pending.peekFirst());
            } catch (IOException e) {
                if (!storeFailing) {
                    storeFailing = true;
                    event(EventType.STORE_WRITE_FAILED, e.getMessage() + "; " + pending.size()
                            + " batch(es) kept in memory, retrying");
                }
                return;
            }
            pending.removeFirst();
            if (storeFailing) {
                storeFailing = false;
                event(EventType.STORE_WRITE_RECOVERED, "store writable again, seq " + stored.get(0).seq());
            }
            for (TafValue v : stored) {
                out.println("STORED " + v);
                if (v.kind() == TafKind.TAF7) {
                    lastStored = v.toString();
                }
            }
            out.flush();
        }
    }

    private void event(EventType type, String detail) {
        try {
            eichlog.append(type, detail);
        } catch (IOException e) {
            err.println("device-agent: " + e.getMessage() + " (event " + type + ": " + detail + ")");
        }
    }

    private void publishView() {
        EichlogEntry uploadEntry = eichlog.tail(50).stream().filter(e -> e.type().equals(EventType.UPLOAD.name()))
                .reduce((a, b) -> b).orElse(null);
        String lastUpload = uploadEntry == null ? null : uploadEntry.time() + " " + uploadEntry.detail();
        boolean uploadRefused = uploadEntry != null && uploadEntry.detail().startsWith(Uploader.REFUSED);
        view = new StatusView(clock.instant(), sourceName, pipeline == null ? null : pipeline.latest(),
                pipeline != null && pipeline.isSilent(), pipeline == null ? 0 : pipeline.telegrams(),
                pipeline == null ? 0 : pipeline.rejections(), store.sizeBytes(), store.capacityBytes(), store.lastSeq(),
                store.acknowledgedSeq(), pending.size(), lastStored, lastUpload, uploadRefused, eichlog.tail(10),
                eichlog.lastHash());
    }

    public StatusView view() {
        return view;
    }

    public MeterPipeline pipeline() {
        return pipeline;
    }

    /** Asks the loop to finish; {@link #run} returns after the current read. */
    public void stop() {
        running = false;
    }

    @Override
    public void close() {
        if (taf6Poller != null) {
            taf6Poller.close();
        }
        if (upload != null) {
            upload.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        if (statusServer != null) {
            statusServer.close();
        }
        try {
            store.close();
        } catch (IOException e) {
            err.println("device-agent: closing store: " + e.getMessage());
        }
        event(EventType.STOP, pending.isEmpty() ? "clean" : pending.size() + " batch(es) could not be stored");
        try {
            eichlog.close();
        } catch (IOException e) {
            err.println("device-agent: closing Eichlog: " + e.getMessage());
        }
    }

    private static void closeQuietly(ByteSource s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do about a source that fails to close
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
