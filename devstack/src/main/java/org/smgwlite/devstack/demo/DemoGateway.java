package org.smgwlite.devstack.demo;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.smgwlite.agent.agent.Agent;
import org.smgwlite.agent.agent.AgentConfig;
import org.smgwlite.agent.agent.PlatformLink;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.simulator.VirtualMeter;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.upload.SpreadDelay;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.agent.upload.Uploader;

/**
 * One demo gateway: the real device {@link Agent} (decoder, TAF 7 engine, journal store, Eichlog) fed by a
 * {@link DemoMeterSource}, on its own thread. It first fills the history from where it stopped last time (or
 * {@code historyDays} before today on a first run) up to now on the fast simulated clock, then uploads all of it
 * at once through the agent's own {@link PlatformLink} (EST enrollment with the one-time code on the first run,
 * signed batches over the mutual-TLS device port, each batch's outcome in the Eichlog as on a real gateway), then
 * runs live at one telegram per second and uploads once a day shortly after midnight UTC. The uploads run on the
 * agent's loop thread, so the simulated meter waits for them; once live the link also answers the operator's
 * TAF 6 requests from its poller thread, like the device agent.
 *
 * <p>A TAF 6 answer that is on its way when the daily upload is due holds the upload lock while it waits for the
 * loop thread, which is waiting for that lock: the answer gives up after the loop's 60 s and is sent again by the
 * poller; the daily upload then goes ahead.
 */
final class DemoGateway implements AutoCloseable {

    /** Where the platform is: EST and device API both on the device port, trusting only {@code rootPem}. */
    record Platform(URI devicePort, String tenant, Path rootPem) {
    }

    /** What the first upload after catching up did. {@code problem} is null when it was acknowledged. */
    record Report(String gatewayId, boolean enrolledNow, Instant historyFrom, Instant caughtUpAt, long values, long accepted,
                  String problem) {
    }

    /** How far back a gateway that was away catches up value by value; before that its absence is a gap. */
    static final Duration MAX_CATCH_UP = Duration.ofDays(31);

    private final String gatewayId;
    private final DemoGatewayState state;
    private final Clock wall;
    private final PrintStream log;
    private final Agent agent;
    private final DemoMeterSource source;
    private final Instant historyFrom;
    /** The meter's silent times of this start (demo gaps); empty unless it is the gateway's first. */
    private final List<MeterOutage> outages;
    private final PlatformLink link;
    private final SpreadDelay daily;
    private final CompletableFuture<Report> firstUpload = new CompletableFuture<>();
    private boolean taf6Started;
    private final Thread thread;
    private volatile boolean enrolledNow;
    private Instant nextUpload;

    /**
     * Opens the agent on the gateway's folder; {@link #start} runs it.
     *
     * @param enrollmentCode the one-time code when the gateway is not enrolled yet, else empty
     * @param meterNumber    makes the simulated meter's server id and load shape differ per gateway
     */
    DemoGateway(String gatewayId, DemoGatewayState state, Platform platform, String enrollmentCode, int meterNumber,
                long pvWatts, int historyDays, Clock wall, Path logFile) throws IOException {
        this(gatewayId, state, platform, enrollmentCode, meterNumber, pvWatts, historyDays, List.of(), wall, logFile);
    }

    /**
     * @param outages times the meter is silent, applied only on the gateway's first start (a gateway that stored
     *                values before continues after them and never repeats a demo gap)
     */
    DemoGateway(String gatewayId, DemoGatewayState state, Platform platform, String enrollmentCode, int meterNumber,
                long pvWatts, int historyDays, List<MeterOutage> outages, Clock wall, Path logFile) throws IOException {
        this.gatewayId = gatewayId;
        this.state = state;
        this.wall = wall;
        Files.createDirectories(state.agentDir());
        Files.createDirectories(logFile.getParent());
        this.log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
        Properties p = new Properties();
        p.setProperty("source", "simulate");
        p.setProperty("data.dir", state.agentDir().toString());
        p.setProperty("taf14.interval.seconds", "0");
        p.setProperty("status.port", "-1");
        AgentConfig config = AgentConfig.parse(p, state.agentDir());
        Instant now = wall.instant();
        Instant lastSlot = lastSlot(config);
        this.historyFrom = firstTelegram(lastSlot, lastEvent(config.eichlogFile()), now, historyDays);
        this.outages = lastSlot == null ? List.copyOf(outages) : List.of();
        SimulationClock clock = new SimulationClock(historyFrom);
        VirtualMeter meter = new VirtualMeter(meterNumber, meterNumber, pvWatts);
        state.meter().ifPresent(meter::restore);
        this.agent = new Agent(config, clock, null, WriteGuard.NONE, log, log);
        this.source = new DemoMeterSource(meter, clock, wall, historyFrom, new Turn(), this.outages);
        this.link = agent.platformLink(new UploadSettings(platform.devicePort(), platform.devicePort(), platform.tenant(),
                gatewayId, enrollmentCode, platform.rootPem(), state.credentialDir(), Duration.ZERO, Duration.ZERO),
                Clock.systemUTC(), this::note);
        this.daily = new SpreadDelay(gatewayId, Duration.ofMinutes(5), Duration.ofMinutes(30));
        this.thread = new Thread(this::run, "demo-gateway-" + gatewayId);
        this.thread.setDaemon(true);
    }

    /**
     * Where the meter starts: after the newest stored slot and after the Eichlog's newest entry (the agent's STOP,
     * written at its last telegram, so that the Eichlog's times never go back), unless that is older than
     * {@link #MAX_CATCH_UP} or there is none; then at midnight UTC {@code historyDays} before today.
     */
    static Instant firstTelegram(Instant lastSlot, Instant lastEvent, Instant now, int historyDays) {
        if (lastSlot != null && lastSlot.isAfter(now.minus(MAX_CATCH_UP))) {
            Instant afterSlot = lastSlot.plusSeconds(1);
            Instant afterEvent = lastEvent == null ? afterSlot : lastEvent.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            return afterEvent.isAfter(afterSlot) && afterEvent.isBefore(now) ? afterEvent : afterSlot;
        }
        return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(historyDays));
    }

    /** The time of the Eichlog's last complete entry ({@code n TAB time TAB ...}), or null. */
    static Instant lastEvent(Path eichlog) throws IOException {
        if (!Files.isRegularFile(eichlog)) {
            return null;
        }
        String text = Files.readString(eichlog, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return null;
        }
        String[] fields = text.substring(text.lastIndexOf('\n', end - 1) + 1, end).split("\t");
        try {
            return fields.length > 1 ? Instant.parse(fields[1]) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Instant lastSlot(AgentConfig config) throws IOException {
        try (ValueStore store = ValueStore.open(config.storeDir(), config.storeCapacityBytes(), WriteGuard.NONE, note -> { })) {
            return store.lastTaf7Slot();
        }
    }

    void start() {
        thread.start();
    }

    String gatewayId() {
        return gatewayId;
    }

    /** The demo gaps this start made (empty on a later start). */
    List<MeterOutage> outages() {
        return outages;
    }

    /** Completes after the first upload once caught up (acknowledged or not). */
    CompletableFuture<Report> firstUpload() {
        return firstUpload;
    }

    /** The agent, for tests that look into its store after {@link #close}. */
    Agent agent() {
        return agent;
    }

    private void run() {
        try {
            agent.run(() -> source);
        } catch (RuntimeException e) {
            note("stopped by " + e);
            firstUpload.complete(new Report(gatewayId, enrolledNow, historyFrom, null, 0, 0, "agent stopped: " + e.getMessage()));
        } finally {
            agent.close();
            log.close();
        }
    }

    /** The agent's loop thread calls this between telegrams. */
    private final class Turn implements DemoMeterSource.Turn {
        @Override
        public void beforeTelegram(Instant at, boolean caughtUp) throws InterruptedException {
            if (caughtUp && (nextUpload == null || !at.isBefore(nextUpload))) {
                uploadEverything(at);
                nextUpload = daily.nextAfter(at);
            }
            if (caughtUp && !taf6Started) { // live now: TAF 6 requests of the operator are answered from here on
                taf6Started = true;
                link.startTaf6();
            }
        }

        @Override
        public void boundary(Instant slot, VirtualMeter.Registers registers) {
            try {
                state.saveMeter(registers);
            } catch (RuntimeException e) {
                note("meter registers not saved: " + e.getMessage());
            }
        }
    }

    /** Uploads everything unacknowledged, on the loop thread: the link's run sends the backlog batch after batch. */
    private void uploadEverything(Instant caughtUpAt) throws InterruptedException {
        long values = 0;
        long accepted = 0;
        String problem = null;
        try {
            Uploader.Run run = link.uploadNow();
            for (Uploader.Result batch : run.batches()) {
                if (!batch.acknowledged()) {
                    problem = "not acknowledged: " + batch.answer();
                    break;
                }
                values += batch.sent();
                accepted += JsonObject.parse(batch.answer()).optionalLong("accepted").orElse(0L);
            }
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
            note("upload failed: " + e.getMessage());
        }
        firstUpload.complete(new Report(gatewayId, enrolledNow, historyFrom, caughtUpAt, values, accepted, problem));
    }

    private void note(String line) {
        log.println(wall.instant() + " " + gatewayId + ": " + line);
        if (line.startsWith("enrolled:")) {
            enrolledNow = true;
        }
    }

    /** Stops the agent (store flushed, STOP in its Eichlog) and waits for its thread. */
    @Override
    public void close() {
        link.close();
        agent.stop();
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                // an upload waiting for the platform: its sleeps and HTTP calls give way to an interrupt
                thread.interrupt();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive() && !thread.getState().equals(Thread.State.TERMINATED)) {
            // never started: nobody else closes the agent
            agent.close();
            log.close();
        }
    }
}
