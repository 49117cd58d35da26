package org.smgwlite.agent.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.meter.MeterProtocol;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.meter.TelegramDecoder;
import org.smgwlite.agent.meter.TelegramListener;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.taf.SlotAlignment;
import org.smgwlite.agent.taf.Snapshot;
import org.smgwlite.agent.taf.Taf14Sampler;
import org.smgwlite.agent.taf.Taf6Request;
import org.smgwlite.agent.taf.Taf7Engine;
import org.smgwlite.agent.taf.TafValue;

/**
 * One meter's path from bytes to values: the decoder (SML or D0), the TAF 7 engine, the TAF 14 sampler and the
 * gateway's view of faults: meter silent and back, frames rejected per slot, clock jumps, time synchronisation.
 * Every fault becomes a status bit on the values it concerns and an event for the Eichlog. The agent's run loop
 * and the fleet simulator both drive this class, so simulated data takes the same path as real data.
 *
 * <p>Not thread-safe: one thread pushes bytes and calls {@link #tick}; {@link #takeTaf6} must be called on
 * that thread too (the agent queues requests into its loop).
 */
public final class MeterPipeline implements TelegramListener, Taf7Engine.Listener {

    /** Where the pipeline's output goes. */
    public interface Sink {
        /** TAF 7 values of one slot, or TAF 6 values: must be stored durably. */
        void billing(List<TafValue> values);

        /** TAF 14 sample (power and registers). */
        void sample(List<TafValue> values);

        /** Something for the Eichlog. */
        void event(EventType type, String detail);
    }

    /** Settings of the pipeline; see {@link AgentConfig} for the defaults. */
    public record Settings(SlotAlignment alignment, int taf14IntervalSeconds, Duration silence, long clockJumpMillis,
                           MeterProtocol protocol) {
    }

    private final Settings settings;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final BooleanSupplier timeSynchronised;
    private final Sink sink;
    private final Taf7Engine taf7;
    private final Taf14Sampler taf14;
    private final ClockJumpDetector jumps;
    private final TelegramDecoder decoder;
    private Snapshot latest;
    private Instant lastTelegramAt;
    private Instant startedAt;
    private boolean silent;
    private boolean synchronised = true;
    private int rejectionsInSlot;
    private String firstRejection;
    private long telegrams;
    private long rejections;

    /**
     * @param monotonicNanos {@code System::nanoTime} in the agent; {@code null} disables clock-jump detection
     *                       (the simulator's clock is the only time there is)
     */
    public MeterPipeline(Settings settings, Clock clock, LongSupplier monotonicNanos, BooleanSupplier timeSynchronised,
                         Sink sink) {
        this.settings = settings;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.timeSynchronised = timeSynchronised;
        this.sink = sink;
        this.taf7 = new Taf7Engine(settings.alignment(), this);
        this.taf14 = settings.taf14IntervalSeconds() > 0 ? new Taf14Sampler(settings.taf14IntervalSeconds(), sink::sample)
                : null;
        this.jumps = new ClockJumpDetector(settings.clockJumpMillis());
        this.decoder = settings.protocol().decoder(this);
    }

    /** Continues the TAF 7 series of the store after a restart. */
    public void resumeAfter(Instant lastSlot, String meterId, List<ObisCode> registers) {
        taf7.resumeAfter(lastSlot, meterId, registers);
    }

    /** Bytes from the source, as they came; then a {@link #tick}. */
    public void accept(byte[] bytes, int offset, int length) {
        decoder.accept(bytes, offset, length);
        tick();
    }

    /** End of a replayed stream: flushes a last frame. */
    public void endOfStream() {
        decoder.endOfStream();
        tick();
    }

    /** Time passes: clock jumps, silence, closed TAF windows, TAF 14 samples. Call at least every few seconds. */
    public void tick() {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
        }
        if (monotonicNanos != null) {
            long jump = jumps.sample(now, monotonicNanos.getAsLong());
            if (jump != 0) {
                taf7.flag(GatewayStatus.CLOCK_JUMP);
                sink.event(EventType.CLOCK_JUMP, (jump > 0 ? "forward " : "backward ") + Math.abs(jump) + " ms, now "
                        + now);
            }
        }
        boolean sync = timeSynchronised.getAsBoolean();
        if (sync != synchronised) {
            synchronised = sync;
            sink.event(EventType.TIME_SYNC, sync ? "clock synchronised" : "clock not synchronised");
        }
        Instant since = lastTelegramAt != null ? lastTelegramAt : startedAt;
        if (!silent && Duration.between(since, now).compareTo(settings.silence()) > 0) {
            silent = true;
            sink.event(EventType.METER_SILENT, "no telegram since " + since);
        }
        taf7.advance(now);
        if (taf14 != null) {
            taf14.advance(now);
        }
    }

    @Override
    public void telegram(MeterTelegram t) {
        Instant now = clock.instant();
        telegrams++;
        if (silent) {
            silent = false;
            sink.event(EventType.METER_BACK, "telegrams again after " + Duration.between(
                    lastTelegramAt != null ? lastTelegramAt : startedAt != null ? startedAt : now, now).toSeconds() + " s");
        }
        lastTelegramAt = now;
        int bits = synchronised ? 0 : GatewayStatus.TIME_NOT_SYNCHRONISED.bit();
        Snapshot s = Snapshot.of(now, t, bits);
        latest = s;
        taf7.offer(s);
        if (taf14 != null) {
            taf14.offer(s);
        }
    }

    @Override
    public void rejected(FrameRejection rejection) {
        rejections++;
        if (rejectionsInSlot++ == 0) {
            firstRejection = rejection.toString();
        }
        taf7.flag(GatewayStatus.CRC_ERRORS);
    }

    /**
     * A closed slot. {@code METER_SILENT} is added when the meter is silent as the slot closes: a register reading
     * taken within tolerance stays good even if the meter paused earlier in the slot, since registers accumulate.
     */
    @Override
    public void slot(Instant boundary, List<TafValue> emitted) {
        List<TafValue> values = silent ? emitted.stream().map(v -> v.withStatus(v.status().with(GatewayStatus.METER_SILENT)))
                .toList() : emitted;
        if (rejectionsInSlot > 0) {
            sink.event(EventType.CRC_ERRORS, rejectionsInSlot + " frames rejected in slot ending " + boundary
                    + ", first: " + firstRejection);
            rejectionsInSlot = 0;
            firstRejection = null;
        }
        TafValue first = values.get(0);
        if (first.status().has(GatewayStatus.NO_VALUE) || first.status().has(GatewayStatus.OUT_OF_TOLERANCE)) {
            sink.event(EventType.TAF7_FLAGGED, "slot " + boundary + ": " + first.status());
        }
        sink.billing(values);
    }

    @Override
    public void skipped(Instant from, Instant to, long slots) {
        sink.event(EventType.TAF7_SKIPPED, slots + " slots " + from + " .. " + to
                + " not filled: the clock jumped too far");
    }

    /**
     * Takes a TAF 6 reading now and passes it to the sink as billing values.
     *
     * @param requestId the platform's request it answers, or {@code null} for a local reading
     * @throws IllegalStateException if no reading has been received yet
     */
    public List<TafValue> takeTaf6(String reason, Long requestId) {
        List<TafValue> values = new Taf6Request(reason, clock.instant(), requestId).take(latest);
        sink.event(EventType.TAF6, "reason=" + reason + " at " + values.get(0).slot()
                + (requestId == null ? "" : " request=" + requestId));
        sink.billing(values);
        return values;
    }

    public Snapshot latest() {
        return latest;
    }

    public boolean isSilent() {
        return silent;
    }

    public long telegrams() {
        return telegrams;
    }

    public long rejections() {
        return rejections;
    }
}
