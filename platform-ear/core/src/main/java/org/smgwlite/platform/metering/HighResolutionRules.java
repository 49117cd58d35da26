package org.smgwlite.platform.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules of high-resolution readings, without a database, the same as for quarter-hour values: not before 2020
 * ({@link Origin#EPOCH_MIN}), not in the future, once per register and second in an upload, a reading stored before is a
 * duplicate (same value) or a conflict, and each new reading fits between its neighbours ({@link ValueRules#between}:
 * monotony, plausible power) in the register's merged series of stored and accepted slot values and readings.
 */
final class HighResolutionRules {

    /** What the rules made of the readings. */
    record Verdict(List<HighResolutionReading> toStore, int duplicates, List<IngestionReport.Reject> rejects) {
    }

    private HighResolutionRules() {
    }

    /**
     * @param series       per register: the slot values (stored and accepted) around the readings
     * @param storedHires  per register: the readings stored already around the readings
     */
    static Verdict check(List<HighResolutionReading> readings, Instant now,
                         Function<String, TreeMap<Instant, BigDecimal>> series,
                         Function<String, TreeMap<Instant, BigDecimal>> storedHires) {
        List<HighResolutionReading> toStore = new ArrayList<>();
        List<IngestionReport.Reject> rejects = new ArrayList<>();
        int duplicates = 0;
        Map<String, TreeMap<Instant, BigDecimal>> merged = new HashMap<>();
        Map<String, TreeMap<Instant, BigDecimal>> stored = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (HighResolutionReading r : readings.stream().sorted(Comparator.comparing(HighResolutionReading::at)).toList()) {
            Optional<BrokenRule> broken = own(r, now);
            if (broken.isEmpty() && !seen.add(r.obis() + "@" + r.at())) {
                broken = Optional.of(new BrokenRule(RejectReason.DUPLICATE_IN_BATCH,
                        r.obis() + " at " + r.at() + " appears twice in this upload"));
            }
            if (broken.isPresent()) {
                rejects.add(reject(broken.get(), r));
                continue;
            }
            TreeMap<Instant, BigDecimal> hires = stored.computeIfAbsent(r.obis(), storedHires);
            TreeMap<Instant, BigDecimal> all = merged.computeIfAbsent(r.obis(), o -> {
                TreeMap<Instant, BigDecimal> m = new TreeMap<>(series.apply(o));
                m.putAll(hires);
                return m;
            });
            BigDecimal value = r.decimal();
            BigDecimal already = hires.get(r.at());
            if (already != null) {
                if (already.compareTo(value) == 0) {
                    duplicates++;
                } else {
                    rejects.add(reject(new BrokenRule(RejectReason.CONFLICTS_WITH_STORED, already.toPlainString()
                            + " is already stored for this time"), r));
                }
                continue;
            }
            broken = ValueRules.between(all, value, r.at());
            if (broken.isPresent()) {
                rejects.add(reject(broken.get(), r));
                continue;
            }
            toStore.add(r);
            all.put(r.at(), value);
        }
        return new Verdict(toStore, duplicates, rejects);
    }

    /** The rules of the reading's time alone. */
    static Optional<BrokenRule> own(HighResolutionReading r, Instant now) {
        if (!r.at().isAfter(Origin.EPOCH_MIN)) {
            return Optional.of(new BrokenRule(RejectReason.BEFORE_2020, r.at() + " is not after " + Origin.EPOCH_MIN));
        }
        if (r.at().isAfter(now.plus(ValueRules.CLOCK_TOLERANCE))) {
            return Optional.of(new BrokenRule(RejectReason.IN_FUTURE, r.at() + " is after the platform's time " + now));
        }
        return Optional.empty();
    }

    private static IngestionReport.Reject reject(BrokenRule broken, HighResolutionReading r) {
        return new IngestionReport.Reject(r.line(), r.obis(), r.at(), broken.reason(), broken.detail());
    }
}
