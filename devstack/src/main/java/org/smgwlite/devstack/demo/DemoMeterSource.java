package org.smgwlite.devstack.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.simulator.VirtualMeter;
import org.smgwlite.agent.source.ByteSource;

/**
 * A simulated meter's optical interface that first catches up with the wall clock and then runs in real time:
 * while its next telegram lies in the past it hands it out at once (a telegram every {@value #CATCH_UP_SECONDS} s
 * of simulated time), afterwards it waits for each second like a real meter. Before the bytes of a telegram are
 * handed out the agent's {@link SimulationClock} is set to the telegram's time, so the agent sees one continuous
 * series either way and its TAF 7 engine, store and Eichlog do what they would on a gateway that had been
 * running all along.
 *
 * <p>{@link Turn#beforeTelegram} is called on the agent's loop thread (the thread that owns its store) before each
 * telegram: the demo gateway uploads from there. {@link Turn#boundary} follows each telegram on a TAF 7 slot
 * boundary, with the meter's registers at that boundary, so that a saved copy is never older than the newest
 * slot the agent has stored.
 */
final class DemoMeterSource implements ByteSource {

    /** Simulated seconds between telegrams while catching up: divides the 900 s slot, inside the 9 s tolerance. */
    static final int CATCH_UP_SECONDS = 10;
    private static final int LIVE_SECONDS = 1;
    private static final long SLOT_SECONDS = 900;

    /** What the demo gateway does on the loop thread. */
    interface Turn {
        /** @param caughtUp true once the next telegram is not in the past any more (and from then on) */
        void beforeTelegram(Instant at, boolean caughtUp) throws InterruptedException;

        /** The telegram at a slot boundary was generated: {@code registers} are the meter's at {@code slot}. */
        void boundary(Instant slot, VirtualMeter.Registers registers);
    }

    private final VirtualMeter meter;
    private final SimulationClock clock;
    private final Clock wall;
    private final Turn turn;
    private final List<MeterOutage> outages;
    private Instant previous;
    private Instant next;
    private boolean caughtUp;
    private byte[] pending = new byte[0];
    private int offset;

    /**
     * @param first the first telegram's time: a whole second, in the past or now
     */
    DemoMeterSource(VirtualMeter meter, SimulationClock clock, Clock wall, Instant first, Turn turn) {
        this(meter, clock, wall, first, turn, List.of());
    }

    /**
     * @param outages times in the past the meter is silent ({@link MeterOutage}): its registers run on, no telegram
     */
    DemoMeterSource(VirtualMeter meter, SimulationClock clock, Clock wall, Instant first, Turn turn,
                    List<MeterOutage> outages) {
        this.outages = List.copyOf(outages);
        if (first.getNano() != 0) {
            throw new IllegalArgumentException("first telegram must be on a whole second, was " + first);
        }
        this.meter = meter;
        this.clock = clock;
        this.wall = wall;
        this.turn = turn;
        this.next = first;
        this.previous = first.minusSeconds(LIVE_SECONDS);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        if (offset >= pending.length) {
            skipSilence();
            Instant t = next;
            Instant now = wall.instant();
            if (t.isAfter(now)) {
                caughtUp = true;
                sleep(Duration.between(now, t));
            }
            try {
                turn.beforeTelegram(t, caughtUp);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("demo gateway interrupted");
            }
            clock.set(t);
            meter.step(t, (int) Duration.between(previous, t).getSeconds());
            pending = meter.telegram();
            offset = 0;
            if (t.getEpochSecond() % SLOT_SECONDS == 0) {
                turn.boundary(t, meter.registers());
            }
            previous = t;
            next = after(t);
        }
        int n = Math.min(buffer.length, pending.length - offset);
        System.arraycopy(pending, offset, buffer, 0, n);
        offset += n;
        return n;
    }

    private Instant after(Instant t) {
        boolean farBehind = t.getEpochSecond() % CATCH_UP_SECONDS == 0
                && !t.plusSeconds(CATCH_UP_SECONDS).isAfter(wall.instant());
        return t.plusSeconds(farBehind ? CATCH_UP_SECONDS : LIVE_SECONDS);
    }

    /** Runs the meter without telegrams through an outage that lies in the past. */
    private void skipSilence() {
        while (!next.isAfter(wall.instant()) && outages.stream().anyMatch(o -> o.silences(next))) {
            meter.step(next, (int) Duration.between(previous, next).getSeconds());
            previous = next;
            next = after(next);
        }
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("demo gateway interrupted");
        }
    }

    @Override
    public String describe() {
        return "demo meter " + HexFormat.of().formatHex(meter.serverId()) + " (catch-up, then 1 telegram/s)";
    }

    @Override
    public void close() {
        offset = pending.length;
    }
}
