package org.smgwlite.platform.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.platform.metering.taf6.Taf6Answers;

/**
 * The register-series rules of one batch, without a database: each value's own rules ({@link ValueRules}), no
 * register and slot twice in the batch, a stored slot is a duplicate (same value) or a conflict, each new register
 * value fits between its stored and accepted neighbours (monotony, plausible power), every quarter hour missing
 * between them is a gap, and a TAF 6 register reading fits between the 15-minute values around it. The stored
 * values come through {@link StoredSeries}, so a test hands in a map.
 */
final class SeriesRules {

    /** The body's first value line (after the version, gateway and created-at lines). */
    static final int FIRST_VALUE_LINE = 4;
    /** At most this many gap rows per register and batch (a month of quarter hours). */
    static final int MAX_GAPS = 96 * 31;
    static final String GAP_REJECTED = "REJECTED: the value sent for this slot was refused";
    static final String GAP_MISSING = "MISSING: no value received";

    /** The stored values of a register from the last one before {@code from} up to the first one after {@code to}. */
    @FunctionalInterface
    interface StoredSeries {
        TreeMap<Instant, BigDecimal> around(String obis, Instant from, Instant to);
    }

    /** A quarter hour without a value; {@code reason} is stored as it is. */
    record Gap(String obis, Instant slot, String reason) {
    }

    /**
     * What the rules made of a batch: the TAF 7 values to store, the gaps, the TAF 6 values that passed (for
     * {@link Taf6Answers}), how many were stored already, and the refused values.
     */
    record Verdict(List<BatchValue> toStore, List<Gap> gaps, List<Taf6Answers.Line> taf6, int duplicates,
                   List<IngestionReport.Reject> rejects) {
    }

    private record Candidate(int line, BatchValue value) {
    }

    private SeriesRules() {
    }

    static Verdict check(List<BatchValue> values, long household, Instant now, StoredSeries stored) {
        List<IngestionReport.Reject> rejects = new ArrayList<>();
        List<Taf6Answers.Line> taf6 = new ArrayList<>();
        Map<String, TreeMap<Instant, Candidate>> byRegister = sort(values, household, now, taf6, rejects);
        int duplicates = 0;
        List<BatchValue> toStore = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        Map<String, TreeMap<Instant, BigDecimal>> seriesOf = new HashMap<>();
        for (Map.Entry<String, TreeMap<Instant, Candidate>> register : byRegister.entrySet()) {
            String obis = register.getKey();
            TreeMap<Instant, Candidate> candidates = register.getValue();
            TreeMap<Instant, BigDecimal> storedValues = stored.around(obis, candidates.firstKey(), candidates.lastKey());
            TreeMap<Instant, BigDecimal> series = new TreeMap<>(storedValues);
            Set<Instant> rejectedSlots = new HashSet<>();
            for (Candidate c : candidates.values()) {
                BigDecimal value = ValueRules.decimal(c.value());
                BigDecimal already = storedValues.get(c.value().slotStart());
                if (already != null) {
                    if (already.compareTo(value) == 0) {
                        duplicates++;
                    } else {
                        rejects.add(new BrokenRule(RejectReason.CONFLICTS_WITH_STORED, already.toPlainString()
                                + " is already stored for this slot").at(c.line(), c.value()));
                    }
                    continue;
                }
                // the slot is not in the series yet (a stored one was handled above): its neighbours are around it
                Optional<BrokenRule> broken = ValueRules.isRegister(obis)
                        ? ValueRules.between(series, value, c.value().slotStart()) : Optional.empty();
                if (broken.isPresent()) {
                    rejects.add(broken.get().at(c.line(), c.value()));
                    rejectedSlots.add(c.value().slotStart());
                    continue;
                }
                toStore.add(c.value());
                series.put(c.value().slotStart(), value);
            }
            findGaps(obis, candidates, series, rejectedSlots, gaps);
            seriesOf.put(obis, series);
        }
        List<Taf6Answers.Line> taf6InSeries = fitTaf6(taf6, seriesOf, stored, rejects);
        return new Verdict(toStore, gaps, taf6InSeries, duplicates, rejects);
    }

    /**
     * Each value's own rules; TAF 6 values aside (on-demand readings are not part of the TAF 7 series), the others
     * by register and slot, the second of a register and slot refused.
     */
    private static Map<String, TreeMap<Instant, Candidate>> sort(List<BatchValue> values, long household, Instant now,
                                                                  List<Taf6Answers.Line> taf6, List<IngestionReport.Reject> rejects) {
        Map<String, TreeMap<Instant, Candidate>> byRegister = new HashMap<>();
        int line = FIRST_VALUE_LINE;
        for (BatchValue v : values) {
            int at = line++;
            Optional<BrokenRule> broken = ValueRules.check(v, household, now);
            if (broken.isEmpty() && v.taf() == 6) {
                taf6.add(new Taf6Answers.Line(at, v));
                continue;
            }
            if (broken.isEmpty() && byRegister.computeIfAbsent(v.obis(), k -> new TreeMap<>())
                    .putIfAbsent(v.slotStart(), new Candidate(at, v)) != null) {
                broken = Optional.of(new BrokenRule(RejectReason.DUPLICATE_IN_BATCH,
                        v.obis() + " at " + v.slotStart() + " appears twice in this batch"));
            }
            broken.ifPresent(b -> rejects.add(b.at(at, v)));
        }
        return byRegister;
    }

    /**
     * Every quarter hour without a stored value between the register's last stored slot before this batch
     * (or the batch's first slot) and the batch's last slot: recorded, never filled.
     */
    private static void findGaps(String obis, TreeMap<Instant, Candidate> candidates, TreeMap<Instant, BigDecimal> series,
                                 Set<Instant> rejectedSlots, List<Gap> gaps) {
        if (candidates.values().stream().noneMatch(c -> c.value().taf() == 7)) {
            return;
        }
        Instant first = Optional.ofNullable(series.lowerKey(candidates.firstKey())).orElse(candidates.firstKey());
        Instant last = candidates.lastKey();
        int found = 0;
        for (Instant slot = first.plus(ValueRules.TAF7_PERIOD); slot.isBefore(last) && found < MAX_GAPS;
             slot = slot.plus(ValueRules.TAF7_PERIOD)) {
            if (series.containsKey(slot)) {
                continue;
            }
            gaps.add(new Gap(obis, slot, rejectedSlots.contains(slot) ? GAP_REJECTED : GAP_MISSING));
            found++;
        }
    }

    /** An on-demand register reading must fit between its 15-minute neighbours, stored or accepted from this batch. */
    private static List<Taf6Answers.Line> fitTaf6(List<Taf6Answers.Line> taf6, Map<String, TreeMap<Instant, BigDecimal>> seriesOf,
                                                  StoredSeries stored, List<IngestionReport.Reject> rejects) {
        List<Taf6Answers.Line> fitting = new ArrayList<>();
        for (Taf6Answers.Line l : taf6) {
            BatchValue v = l.value();
            Optional<BrokenRule> broken = Optional.empty();
            if (ValueRules.isRegister(v.obis())) { // few values: one query each for the stored neighbours
                TreeMap<Instant, BigDecimal> around = stored.around(v.obis(), v.slotStart(), v.slotStart());
                around.putAll(seriesOf.getOrDefault(v.obis(), new TreeMap<>()));
                broken = ValueRules.between(around, ValueRules.decimal(v), v.slotStart());
            }
            if (broken.isPresent()) {
                rejects.add(broken.get().at(l.line(), v));
            } else {
                fitting.add(l);
            }
        }
        return fitting;
    }
}
