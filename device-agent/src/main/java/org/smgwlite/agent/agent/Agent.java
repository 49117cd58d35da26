package org.smgwlite.agent.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.mqtt.HomeAssistantTopics;
import org.smgwlite.agent.mqtt.MqttPublisher;
import org.smgwlite.agent.source.ByteSource;
import org.smgwlite.agent.statuspage.StatusServer;
import org.smgwlite.agent.statuspage.StatusView;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.upload.EichlogRestart;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.UploadSettings;

/**
 * The long-running agent, put together: the {@link AgentLoop} reads the source into the {@link MeterPipeline};
 * billing values go through the {@link BillingBuffer} into the store, TAF 14 samples to the {@link SampleOutput}
 * (local history, MQTT); the {@link EventLog} keeps the Eichlog, the {@link StatusPublisher} the status page's view,
 * and the {@link PlatformLink} uploads and answers the platform's TAF 6 requests.
 *
 * <p>Fault policy: nothing that goes wrong outside the agent's own code stops it. A failed store write (disk full)
 * keeps the values in memory and retries on every turn; a failing source is reopened; a broken Eichlog write is
 * reported on stderr. For every billing value it has made durable the agent prints {@code STORED <value>} on stdout,
 * after the fsync.
 */
public final class Agent implements AutoCloseable {

    /** Opens a byte source; called again after the source failed. */
    @FunctionalInterface
    public interface SourceFactory {
        ByteSource open() throws IOException;
    }

    /** How long an upload thread waits for the loop to read or acknowledge in the store. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(60);
    /** How long the status page or the TAF 6 poller waits for a reading. */
    private static final Duration TAF6_WAIT = Duration.ofSeconds(10);
    /** A TAF 6 reading that failed keeps its own exception (no reading yet: {@link IllegalStateException}). */
    private static final AgentLoop.Failure<RuntimeException> TAF6_FAILURE = (message, cause) ->
            cause instanceof RuntimeException re ? re
                    : cause != null ? new IllegalStateException(cause) : new IllegalStateException("TAF 6: " + message);

    private final AgentConfig config;
    private final Clock clock;
    private final PrintStream err;
    private final EventLog log;
    private final ValueStore store;
    private final MeterPipeline pipeline;
    private final BillingBuffer billing;
    private final SampleOutput samples;
    private final AgentLoop loop;
    private final StatusPublisher status;
    /** For the uptime in the status report. */
    private final Instant startedAt;
    private StatusServer statusServer;
    private MqttPublisher mqtt;
    private PlatformLink link;

    /**
     * Opens store and Eichlog (repairing torn tails, logging the repair), logs START and the configuration. A journal
     * that was lost or broken starts a new chain whose first entry says why; if the platform may hold the old chain,
     * its closing {@code EICHLOG_RESET} is recorded for the next upload ({@link EichlogRestart}).
     *
     * @param monotonicNanos {@code System::nanoTime}, or {@code null} when {@code clock} is a simulation
     */
    public Agent(AgentConfig config, Clock clock, LongSupplier monotonicNanos, WriteGuard guard, PrintStream out,
                 PrintStream err) throws IOException {
        this.config = config;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.err = err;
        this.log = EventLog.open(config.eichlogFile(), clock, err);
        try {
            EichlogRestart.afterOpen(log.eichlog(), config.upload() == null ? null : config.upload().credentialDir(), err)
                    .ifPresent(why -> log.event(EventType.EICHLOG_REPAIR, why));
        } catch (IOException e) {
            log.close();
            throw new IOException("the Eichlog starts over, but its reset cannot be recorded: " + e.getMessage(), e);
        }
        log.event(EventType.START, "device-agent pid " + ProcessHandle.current().pid());
        try {
            this.store = ValueStore.open(config.storeDir(), config.storeCapacityBytes(), guard, log::storeNote);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        logConfig();
        this.billing = new BillingBuffer(store, log, out);
        this.samples = new SampleOutput(store, config.taf14Store(), monotonicNanos, err);
        this.pipeline = new MeterPipeline(config.pipelineSettings(), clock, monotonicNanos, TimeSync.of(config.timeSync()),
                new Sink());
        if (store.lastTaf7Slot() != null) {
            pipeline.resumeAfter(store.lastTaf7Slot(), store.lastMeterId(), store.lastTaf7Registers());
        }
        this.loop = new AgentLoop(pipeline, log, config.source(), this::turn);
        this.status = new StatusPublisher(clock, pipeline, store, billing, log.eichlog(), loop::sourceName);
        status.publish();
    }

    /** A CONFIG event when the configuration differs from the last run's (its fingerprint is kept in the store). */
    private void logConfig() throws IOException {
        Path last = config.storeDir().resolve("config.fingerprint");
        String previous = Files.exists(last) ? Files.readString(last, StandardCharsets.US_ASCII).strip() : null;
        if (!config.fingerprint().equals(previous)) {
            log.event(EventType.CONFIG, (previous == null ? "initial " : "changed from " + previous + ": ")
                    + config.summary());
            Files.writeString(last, config.fingerprint() + "\n", StandardCharsets.US_ASCII);
        }
    }

    /** Where the pipeline's output goes. */
    private final class Sink implements MeterPipeline.Sink {
        @Override
        public void billing(List<TafValue> values) {
            billing.add(values);
        }

        @Override
        public void sample(List<TafValue> values) {
            samples.sample(values);
        }

        @Override
        public void event(EventType type, String detail) {
            log.event(type, detail);
        }
    }

    /** Starts the status page, MQTT and the platform link as configured. Separate from the constructor so tests can leave them out. */
    public void startServices() throws IOException {
        if (config.statusPort() >= 0) {
            statusServer = new StatusServer(new InetSocketAddress(config.statusBind(), config.statusPort()),
                    status::view, this::requestTaf6);
            err.println("device-agent: status page on http://" + config.statusBind() + ":" + statusServer.port() + "/");
        }
        if (config.mqttUrl() != null) {
            mqtt = new MqttPublisher(config.mqttUrl(), config.mqttClientId(),
                    new HomeAssistantTopics(config.mqttDiscoveryPrefix(), config.mqttTopicPrefix()),
                    store.lastMeterId(), err::println);
            samples.publishTo(mqtt);
        }
        if (config.upload() != null) {
            PlatformLink platform = platformLink(config.upload(), clock, note -> err.println("device-agent: " + note));
            platform.startDailyUploads();
            platform.startTaf6();
        }
    }

    /**
     * The agent's link to the platform, not started; closed with the agent. One per agent.
     *
     * @param uploadClock the uploads' clock (schedule, renewal, batch time)
     * @param notes       every line the upload and the TAF 6 poller have to say
     */
    public PlatformLink platformLink(UploadSettings settings, Clock uploadClock, Consumer<String> notes) {
        if (link != null) {
            throw new IllegalStateException("the agent has its platform link already");
        }
        link = new PlatformLink(settings, new LoopPendingValues(), config.eichlogFile(), uploadClock,
                order -> requestTaf6(order.reason(), order.id()), outcome -> loop.post(() -> recordUpload(outcome)),
                () -> AgentStatusDocument.json(status.view(), AgentStatusDocument.version(), config.protocol(), startedAt), notes);
        return link;
    }

    /** The store for the upload threads: every call runs on the loop thread, which owns the store. */
    private final class LoopPendingValues implements PendingValues {
        @Override
        public List<TafValue> readUnacknowledged(int max) throws IOException {
            return loop.call(() -> store.readUnacknowledged(max), STORE_WAIT, AgentLoop.AS_IO_EXCEPTION);
        }

        @Override
        public void acknowledge(long upToSeq) throws IOException {
            loop.call(() -> {
                store.acknowledge(upToSeq);
                return null;
            }, STORE_WAIT, AgentLoop.AS_IO_EXCEPTION);
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

    /** Runs until {@link #stop} or the end of a replayed source; the calling thread becomes the loop thread. */
    public void run(SourceFactory sources) {
        loop.run(sources);
    }

    /** One turn of the loop besides reading: time, handed-over work, store retries, local flush, status view. */
    private void turn() {
        pipeline.tick();
        loop.runQueued();
        billing.flush();
        samples.flushIfDue();
        status.publish();
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
        return loop.call(() -> pipeline.takeTaf6(reason, requestId), TAF6_WAIT, TAF6_FAILURE);
    }

    /** Records a batch's outcome in the Eichlog, where the status page finds the last upload. */
    public void recordUpload(String summary) {
        log.event(EventType.UPLOAD, summary);
    }

    /** The store, for tests that look into it after the agent ran. */
    public ValueStore store() {
        return store;
    }

    public StatusView view() {
        return status.view();
    }

    public MeterPipeline pipeline() {
        return pipeline;
    }

    /** Asks the loop to finish; {@link #run} returns after the current read. */
    public void stop() {
        loop.stop();
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
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
        log.event(EventType.STOP, billing.pendingBatches() == 0 ? "clean"
                : billing.pendingBatches() + " batch(es) could not be stored");
        log.close();
    }
}
