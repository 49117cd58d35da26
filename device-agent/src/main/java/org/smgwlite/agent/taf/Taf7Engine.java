package org.smgwlite.agent.taf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.status.ValueStatus;

/**
 * TAF 7: one value per register at every slot boundary. The telegram closest to the boundary within the tolerance
 * (1% of the period) gives the values; on equal distance the earlier one wins. When no telegram lies within the
 * tolerance the slot is still emitted, flagged: with the last telegram before it ({@code OUT_OF_TOLERANCE}, its true
 * capture time kept) if that is at most one period old, else without a value ({@code NO_VALUE}). A slot is never
 * moved to another boundary.
 *
 * <p>Invariants: boundaries are emitted once each, in increasing order, only after their window has closed
 * ({@code now > boundary + tolerance}); a clock going backwards therefore never re-emits a slot. Every emitted
 * slot carries every register seen so far, so a day has exactly {@link SlotAlignment#slotsPerDay()} values per
 * register. Not thread-safe.
 */
public final class Taf7Engine {

    /** Receives the engine's output, in slot order. */
    public interface Listener {
        /** The values of one boundary, one per known register. */
        void slot(Instant boundary, List<TafValue> values);

        /** Boundaries not emitted because the clock jumped further than {@link #MAX_GAP_SLOTS} slots at once. */
        void skipped(Instant from, Instant to, long slots);
    }

    /** A forward jump of more than this many slots (a week of quarter hours) is reported, not filled slot by slot. */
    public static final int MAX_GAP_SLOTS = 7 * 96;

    private final SlotAlignment alignment;
    private final Listener listener;
    private final Set<ObisCode> registers = new LinkedHashSet<>();
    private String meterId;
    private Instant next;
    private Snapshot best;
    private Snapshot latest;
    private int pendingBits;

    public Taf7Engine(SlotAlignment alignment, Listener listener) {
        this.alignment = alignment;
        this.listener = listener;
    }

    /**
     * Continues after a restart: the next boundary is the one after {@code lastSlot}, and slots missed while the
     * agent was down are emitted as gaps for the registers the store last held.
     */
    public void resumeAfter(Instant lastSlot, String meter, Collection<ObisCode> knownRegisters) {
        if (!alignment.isBoundary(lastSlot)) {
            throw new IllegalArgumentException(lastSlot + " is not a boundary of " + alignment);
        }
        this.next = lastSlot.plus(alignment.period());
        this.meterId = meter;
        this.registers.addAll(knownRegisters);
    }

    /** Raises a gateway bit for the slot being collected (CRC errors, meter silent, clock jump). */
    public void flag(GatewayStatus bit) {
        pendingBits |= bit.bit();
    }

    /** The boundary being collected, or {@code null} before the first telegram. */
    public Instant nextBoundary() {
        return next;
    }

    public SlotAlignment alignment() {
        return alignment;
    }

    /** A decoded telegram, received at {@code snapshot.at()}. */
    public void offer(Snapshot snapshot) {
        Instant at = snapshot.at();
        advance(at);
        if (next == null) {
            next = alignment.ceil(at.minusMillis(alignment.toleranceMillis()));
        }
        if (meterId == null) {
            meterId = snapshot.meterId();
        }
        for (Snapshot.Register r : snapshot.registers()) {
            registers.add(r.obis());
        }
        latest = snapshot;
        if (alignment.withinTolerance(at, next)) {
            if (best == null || SlotAlignment.distanceMillis(at, next) < SlotAlignment.distanceMillis(best.at(), next)) {
                best = snapshot;
            }
        }
    }

    /** Closes every window that ended before {@code now}; call it regularly, also when the meter is silent. */
    public void advance(Instant now) {
        if (next == null) {
            return;
        }
        long tolerance = alignment.toleranceMillis();
        long behind = Duration.between(next, now).toMillis() - tolerance;
        if (behind > 0) {
            long slots = behind / alignment.period().toMillis();
            if (slots > MAX_GAP_SLOTS) {
                Instant resumeAt = alignment.floor(now.minusMillis(tolerance + 1));
                listener.skipped(next, resumeAt.minus(alignment.period()), Duration.between(next, resumeAt)
                        .dividedBy(alignment.period()));
                next = resumeAt;
                pendingBits |= GatewayStatus.CLOCK_JUMP.bit();
            }
        }
        while (now.toEpochMilli() > next.toEpochMilli() + tolerance) {
            emit(next);
            next = next.plus(alignment.period());
        }
    }

    private void emit(Instant boundary) {
        int bits = pendingBits;
        Snapshot source = best;
        if (source == null && latest != null && latest.at().isBefore(boundary)
                && !latest.at().isBefore(boundary.minus(alignment.period()))) {
            source = latest;
            bits |= GatewayStatus.OUT_OF_TOLERANCE.bit();
        }
        List<TafValue> values = new ArrayList<>(registers.size());
        for (ObisCode obis : registers) {
            Snapshot.Register r = source == null ? null : find(source, obis);
            if (r == null) {
                values.add(new TafValue(0, TafKind.TAF7, meterId, boundary, obis, null, null,
                        new ValueStatus(null, bits | GatewayStatus.NO_VALUE.bit()), null));
            } else {
                values.add(new TafValue(0, TafKind.TAF7, meterId, boundary, obis, r.value(), source.at(),
                        new ValueStatus(r.meterStatus(), bits | source.gatewayBits()), null));
            }
        }
        best = null;
        pendingBits = 0;
        if (!values.isEmpty()) {
            listener.slot(boundary, values);
        }
    }

    private static Snapshot.Register find(Snapshot s, ObisCode obis) {
        for (Snapshot.Register r : s.registers()) {
            if (r.obis().equals(obis)) {
                return r;
            }
        }
        return null;
    }
}
