package org.smgwlite.platform.legacy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.smgwlite.metering.contract.BatchValue;

/**
 * Which firmware entries stand for a quarter hour and which are high-resolution readings only.
 *
 * <p>The rule: an entry whose time lies at most {@value #TOLERANCE_SECONDS} s (1 % of the 900 s period) before or after
 * a quarter-hour boundary {@code T} (UTC, {@code T mod 900 s = 0}) is a candidate for slot {@code T}; of several
 * candidates for one slot the nearest wins, on equal distance the earlier one, then the one earlier in the body (the
 * device agent's {@code Taf7Engine} picks its slot telegram the same way). All other entries, and the losing
 * candidates, are high-resolution readings: kept for the day view, never a slot value.
 *
 * <p>Why symmetric: the firmware opens its TAF 7 window 1 to 15 s after each mark ({@code (t - 1) mod period < 15}) but
 * stores the last parsed telegram with that telegram's own time, which can lie a telegram interval (1-4 s) before the
 * mark. An entry 10-15 s after the mark is a late TAF 7 reading: high resolution only. The firmware does not mark an
 * entry as TAF 7 or TAF 14 on the wire, so the rule looks at the time alone; TAF 14 is held back inside the TAF 7 window
 * and a TAF 14 entry less than 10 s before a stored TAF 7 one is cleared, so a TAF 14 entry rarely competes.
 *
 * <p>Values are exact: registers in 0.1 Wh become {@code unscaled} with scaler {@value #SCALER} and unit {@value #UNIT},
 * as in {@link BatchValue}, so slot readings enter the same series rules as a signed batch.
 */
public final class SlotAssignment {

    public static final Duration PERIOD = Duration.ofMinutes(15);
    /** 1 % of the period. */
    public static final long TOLERANCE_SECONDS = 9;
    public static final String OBIS_IMPORT = "1-0:1.8.0*255";
    public static final String OBIS_EXPORT = "1-0:2.8.0*255";
    /** 0.1 Wh = unscaled × 10^-1 Wh. */
    public static final int SCALER = -1;
    public static final String UNIT = "Wh";

    /** An entry that stands for the quarter hour starting at {@code slotStart}. */
    public record SlotReading(Instant slotStart, FirmwareEntry entry) {
        public SlotReading {
            Objects.requireNonNull(slotStart, "slotStart");
            Objects.requireNonNull(entry, "entry");
        }

        /** Seconds the reading was taken after (positive) or before (negative) the boundary. */
        public long offsetSeconds() {
            return entry.timestamp().getEpochSecond() - slotStart.getEpochSecond();
        }
    }

    /** Slot readings in slot order, high-resolution entries in time order. */
    public record Result(List<SlotReading> slotReadings, List<FirmwareEntry> highResolution) {
        public Result {
            slotReadings = List.copyOf(slotReadings);
            highResolution = List.copyOf(highResolution);
        }
    }

    /** One register of one entry as an exact value: {@code unscaled × 10^SCALER UNIT} at {@code at}. */
    public record RegisterValue(Instant at, String obis, BigInteger unscaled) {
        public int scaler() {
            return SCALER;
        }

        public String unit() {
            return UNIT;
        }

        /** The value in Wh, exact. */
        public BigDecimal wh() {
            return new BigDecimal(unscaled, -SCALER);
        }
    }

    private static final Comparator<FirmwareEntry> BY_TIME =
            Comparator.comparing(FirmwareEntry::timestamp).thenComparingInt(FirmwareEntry::index);

    private SlotAssignment() {
    }

    public static Result assign(Collection<FirmwareEntry> entries) {
        TreeMap<Instant, FirmwareEntry> winners = new TreeMap<>();
        List<FirmwareEntry> highResolution = new ArrayList<>();
        for (FirmwareEntry e : entries.stream().sorted(BY_TIME).toList()) {
            Optional<Instant> slot = slotOf(e.timestamp());
            if (slot.isEmpty()) {
                highResolution.add(e);
                continue;
            }
            FirmwareEntry held = winners.get(slot.get());
            if (held == null || closer(e, held, slot.get())) {
                winners.put(slot.get(), e);
                if (held != null) {
                    highResolution.add(held);
                }
            } else {
                highResolution.add(e);
            }
        }
        highResolution.sort(BY_TIME);
        List<SlotReading> readings = new ArrayList<>();
        for (Map.Entry<Instant, FirmwareEntry> w : winners.entrySet()) {
            readings.add(new SlotReading(w.getKey(), w.getValue()));
        }
        return new Result(readings, highResolution);
    }

    /** The quarter hour {@code at} stands for under the 1 % rule, or empty. */
    public static Optional<Instant> slotOf(Instant at) {
        long period = PERIOD.toSeconds();
        long nearest = Math.floorDiv(at.getEpochSecond() + period / 2, period) * period;
        long off = Math.abs(at.getEpochSecond() - nearest);
        return off <= TOLERANCE_SECONDS && at.getNano() == 0 ? Optional.of(Instant.ofEpochSecond(nearest)) : Optional.empty();
    }

    /** The entry's registers: 1.8.0 always, 2.8.0 when the entry holds it. */
    public static List<RegisterValue> registers(FirmwareEntry e) {
        List<RegisterValue> values = new ArrayList<>(2);
        values.add(new RegisterValue(e.timestamp(), OBIS_IMPORT, BigInteger.valueOf(e.m180TenthWh())));
        e.m280TenthWh().ifPresent(m -> values.add(new RegisterValue(e.timestamp(), OBIS_EXPORT, BigInteger.valueOf(m))));
        return values;
    }

    /**
     * A slot reading as the TAF 7 values of a batch: one per register, at the slot's start, with the PTB level the
     * caller gives (the legacy door's "unsigned" level) and no status flags.
     */
    public static List<BatchValue> batchValues(SlotReading r, long householdId, int ptbLevel) {
        return registers(r.entry()).stream()
                .map(v -> new BatchValue(householdId, 7, r.slotStart(), v.obis(), v.unscaled(), SCALER, UNIT, ptbLevel, 0))
                .toList();
    }

    private static boolean closer(FirmwareEntry candidate, FirmwareEntry held, Instant slot) {
        long c = candidate.timestamp().getEpochSecond() - slot.getEpochSecond();
        long h = held.timestamp().getEpochSecond() - slot.getEpochSecond();
        if (Math.abs(c) != Math.abs(h)) {
            return Math.abs(c) < Math.abs(h);
        }
        return c < h; // same distance: the earlier one; same time: keep the one earlier in the body
    }
}
