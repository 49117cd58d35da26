package org.smgwlite.agent.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.smgwlite.agent.source.ByteSource;

/**
 * A {@link ByteSource} that is a {@link VirtualMeter}'s optical interface: one telegram every {@code interval}.
 *
 * <p>Accelerated mode ({@link SimulationClock}): before a telegram's bytes are handed out the clock is set to
 * its time, so any number of simulated days run as fast as the decoder goes. Real-time mode (any other clock):
 * reads sleep until the next whole interval of the clock, like a real meter.
 *
 * <p>Faults, for tests and demos: silent windows (the read returns 0 as a live source does on timeout, and the
 * clock moves on), a corrupted byte every n-th telegram (a CRC error) and line noise before every m-th telegram.
 */
public final class SimulatedMeterSource implements ByteSource {

    private final VirtualMeter meter;
    private final Clock clock;
    private final int intervalSeconds;
    private final Instant end;
    private final List<Instant[]> silent = new ArrayList<>();
    private final Random faults = new Random(42);
    private int corruptEvery;
    private int noiseEvery;
    private Instant next;
    private byte[] pending = new byte[0];
    private int pendingOffset;
    private long count;

    /**
     * @param start first telegram time (accelerated mode) or ignored (real time: the next whole interval)
     * @param end   replay ends (read returns -1) at this time; {@code null} for never
     */
    public SimulatedMeterSource(VirtualMeter meter, Clock clock, int intervalSeconds, Instant start, Instant end) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("telegram interval must be at least 1 s, was " + intervalSeconds);
        }
        this.meter = meter;
        this.clock = clock;
        this.intervalSeconds = intervalSeconds;
        this.end = end;
        this.next = clock instanceof SimulationClock ? start : nextWholeInterval(clock.instant());
    }

    public SimulatedMeterSource silentBetween(Instant from, Instant to) {
        silent.add(new Instant[] {from, to});
        return this;
    }

    public SimulatedMeterSource corruptEvery(int n) {
        this.corruptEvery = n;
        return this;
    }

    public SimulatedMeterSource noiseEvery(int n) {
        this.noiseEvery = n;
        return this;
    }

    private Instant nextWholeInterval(Instant t) {
        long ms = intervalSeconds * 1000L;
        return Instant.ofEpochMilli((t.toEpochMilli() / ms + 1) * ms);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        if (pendingOffset >= pending.length) {
            if (end != null && !next.isBefore(end)) {
                return -1;
            }
            Instant t = next;
            next = next.plusSeconds(intervalSeconds);
            if (clock instanceof SimulationClock sim) {
                sim.set(t);
            } else {
                sleepUntil(t);
            }
            meter.step(t, intervalSeconds);
            if (isSilent(t)) {
                return 0;
            }
            pending = faulty(meter.telegram());
            pendingOffset = 0;
        }
        int n = Math.min(buffer.length, pending.length - pendingOffset);
        System.arraycopy(pending, pendingOffset, buffer, 0, n);
        pendingOffset += n;
        return n;
    }

    private byte[] faulty(byte[] telegram) {
        count++;
        byte[] out = telegram;
        if (corruptEvery > 0 && count % corruptEvery == 0) {
            out = out.clone();
            out[20 + faults.nextInt(out.length - 40)] ^= 0x5a;
        }
        if (noiseEvery > 0 && count % noiseEvery == 0) {
            byte[] noise = new byte[1 + faults.nextInt(64)];
            faults.nextBytes(noise);
            byte[] joined = new byte[noise.length + out.length];
            System.arraycopy(noise, 0, joined, 0, noise.length);
            System.arraycopy(out, 0, joined, noise.length, out.length);
            out = joined;
        }
        return out;
    }

    private boolean isSilent(Instant t) {
        for (Instant[] w : silent) {
            if (!t.isBefore(w[0]) && t.isBefore(w[1])) {
                return true;
            }
        }
        return false;
    }

    private void sleepUntil(Instant t) throws IOException {
        long ms = Duration.between(clock.instant(), t).toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("simulated meter interrupted");
            }
        }
    }

    @Override
    public String describe() {
        return "simulate:" + java.util.HexFormat.of().formatHex(meter.serverId()) + " every " + intervalSeconds + " s";
    }

    @Override
    public void close() {
        pendingOffset = pending.length;
    }
}
