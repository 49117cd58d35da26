package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.BatchValue;

class SeriesRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant SLOT = Instant.parse("2026-11-24T12:00:00Z");
    private static final String IMPORT = "1-0:1.8.0*255";

    private final TreeMap<Instant, BigDecimal> stored = new TreeMap<>();

    /** The stored values as the SQL hands them: from the last before {@code from} to the first after {@code to}. */
    private TreeMap<Instant, BigDecimal> around(String obis, Instant from, Instant to) {
        Instant lo = stored.floorKey(from) == null ? from : stored.floorKey(from);
        Instant hi = stored.ceilingKey(to) == null ? to : stored.ceilingKey(to);
        return new TreeMap<>(stored.subMap(lo, true, hi, true));
    }

    private static BatchValue taf7(int quarter, long tenthsWh) {
        return new BatchValue(42, 7, SLOT.plusSeconds(900L * quarter), IMPORT, BigInteger.valueOf(tenthsWh), -1, "Wh", 0, 0);
    }

    private static BatchValue taf6(int seconds, long tenthsWh) {
        return new BatchValue(42, 6, SLOT.plusSeconds(seconds), IMPORT, BigInteger.valueOf(tenthsWh), -1, "Wh", 0, 0, 7L);
    }

    private SeriesRules.Verdict check(BatchValue... values) {
        return SeriesRules.check(List.of(values), 42, NOW, this::around);
    }

    private static List<RejectReason> reasons(SeriesRules.Verdict v) {
        return v.rejects().stream().map(IngestionReport.Reject::reason).toList();
    }

    @Test
    void a_clean_day_is_stored_whole_without_gaps() {
        SeriesRules.Verdict v = check(taf7(0, 100_000), taf7(1, 100_500), taf7(2, 101_000));
        assertThat(v.toStore()).hasSize(3);
        assertThat(v.gaps()).isEmpty();
        assertThat(v.rejects()).isEmpty();
        assertThat(v.duplicates()).isZero();
    }

    @Test
    void each_refused_value_names_its_line_reason_and_slot() {
        SeriesRules.Verdict v = check(taf7(0, 100_000), taf7(0, 100_000),
                new BatchValue(43, 7, SLOT, IMPORT, BigInteger.ONE, -1, "Wh", 0, 0));
        assertThat(v.rejects()).containsExactly(
                new IngestionReport.Reject(5, IMPORT, SLOT, RejectReason.DUPLICATE_IN_BATCH, IMPORT + " at " + SLOT
                        + " appears twice in this batch"),
                new IngestionReport.Reject(6, IMPORT, SLOT, RejectReason.NOT_SERVED,
                        "metering point 43 is not served by this gateway"));
        assertThat(v.toStore()).containsExactly(taf7(0, 100_000));
    }

    @Test
    void a_stored_slot_is_a_duplicate_with_the_same_value_and_a_conflict_with_another() {
        stored.put(SLOT, new BigDecimal("10000.0"));
        stored.put(SLOT.plusSeconds(900), new BigDecimal("10050.0"));
        SeriesRules.Verdict v = check(taf7(0, 100_000), taf7(1, 100_600), taf7(2, 101_000));
        assertThat(v.duplicates()).isEqualTo(1);
        assertThat(reasons(v)).containsExactly(RejectReason.CONFLICTS_WITH_STORED);
        assertThat(v.rejects().get(0).detail()).isEqualTo("10050.0 is already stored for this slot");
        assertThat(v.toStore()).containsExactly(taf7(2, 101_000));
    }

    @Test
    void a_register_must_rise_plausibly_against_its_stored_and_accepted_neighbours() {
        stored.put(SLOT, new BigDecimal("10000.0"));
        SeriesRules.Verdict v = check(taf7(1, 99_999), taf7(2, 100_100), taf7(3, 400_000));
        assertThat(reasons(v)).containsExactly(RejectReason.DECREASING, RejectReason.IMPLAUSIBLE_POWER);
        assertThat(v.toStore()).containsExactly(taf7(2, 100_100));
    }

    @Test
    void every_missing_quarter_hour_since_the_last_stored_value_is_a_gap_and_a_refused_one_says_so() {
        stored.put(SLOT, new BigDecimal("10000.0"));
        SeriesRules.Verdict v = check(taf7(2, 99_000), taf7(4, 100_100));
        assertThat(v.gaps()).containsExactly(
                new SeriesRules.Gap(IMPORT, SLOT.plusSeconds(900), SeriesRules.GAP_MISSING),
                new SeriesRules.Gap(IMPORT, SLOT.plusSeconds(1800), SeriesRules.GAP_REJECTED),
                new SeriesRules.Gap(IMPORT, SLOT.plusSeconds(2700), SeriesRules.GAP_MISSING));
    }

    @Test
    void a_taf6_reading_goes_aside_and_must_fit_between_the_15_minute_values_around_it() {
        stored.put(SLOT, new BigDecimal("10000.0"));
        SeriesRules.Verdict fits = check(taf7(1, 100_100), taf6(300, 100_050));
        assertThat(fits.taf6()).extracting(l -> l.line()).containsExactly(5);
        assertThat(fits.toStore()).containsExactly(taf7(1, 100_100));

        SeriesRules.Verdict above = check(taf7(1, 100_100), taf6(300, 100_200));
        assertThat(above.taf6()).isEmpty();
        assertThat(reasons(above)).as("above this batch's next value").containsExactly(RejectReason.DECREASING);
        assertThat(above.gaps()).isEmpty();
    }
}
