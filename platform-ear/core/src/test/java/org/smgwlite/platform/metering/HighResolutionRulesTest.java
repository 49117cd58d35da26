package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HighResolutionRulesTest {

    private static final String IMPORT = "1-0:1.8.0*255";
    private static final Instant SLOT = Instant.parse("2026-10-25T00:45:00Z"); // the night the clocks go back
    private static final Instant NOW = Instant.parse("2026-10-25T03:00:00Z");

    private static HighResolutionReading reading(int line, Instant at, long tenthWh) {
        return new HighResolutionReading(line, at, IMPORT, BigInteger.valueOf(tenthWh), -1, "Wh");
    }

    private static TreeMap<Instant, BigDecimal> series(Object... atAndWh) {
        TreeMap<Instant, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < atAndWh.length; i += 2) {
            m.put((Instant) atAndWh[i], new BigDecimal((String) atAndWh[i + 1]));
        }
        return m;
    }

    @Test
    void readings_between_their_slot_values_are_stored_and_one_below_its_predecessor_is_refused_as_decreasing() {
        TreeMap<Instant, BigDecimal> slots = series(SLOT, "1000.0", SLOT.plusSeconds(900), "1010.0");
        List<HighResolutionReading> readings = List.of(
                reading(3, SLOT.plusSeconds(60), 10_020),
                reading(4, SLOT.plusSeconds(120), 10_010), // below the reading a minute before
                reading(5, SLOT.plusSeconds(180), 10_030));

        HighResolutionRules.Verdict v = HighResolutionRules.check(readings, NOW, o -> slots, o -> new TreeMap<>());

        assertThat(v.toStore()).extracting(HighResolutionReading::line).containsExactly(3, 5);
        assertThat(v.rejects()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.DECREASING);
            assertThat(r.line()).isEqualTo(4);
        });
    }

    @Test
    void a_re_sent_reading_is_a_duplicate_another_value_at_the_same_time_a_conflict() {
        TreeMap<Instant, BigDecimal> stored = series(SLOT.plusSeconds(60), "1002.0", SLOT.plusSeconds(120), "1003.0");
        List<HighResolutionReading> readings = List.of(reading(1, SLOT.plusSeconds(60), 10_020),
                reading(2, SLOT.plusSeconds(120), 10_031));

        HighResolutionRules.Verdict v = HighResolutionRules.check(readings, NOW, o -> new TreeMap<>(), o -> stored);

        assertThat(v.toStore()).isEmpty();
        assertThat(v.duplicates()).isEqualTo(1);
        assertThat(v.rejects()).extracting(IngestionReport.Reject::reason).containsExactly(RejectReason.CONFLICTS_WITH_STORED);
    }

    @Test
    void times_before_2020_in_the_future_twice_in_one_upload_and_implausible_power_are_refused() {
        TreeMap<Instant, BigDecimal> slots = series(SLOT, "1000.0");
        List<HighResolutionReading> readings = List.of(
                reading(1, Instant.parse("2019-12-31T23:59:59Z"), 10_000),
                reading(2, NOW.plusSeconds(3600), 99_999),
                reading(3, SLOT.plusSeconds(30), 10_001),
                reading(4, SLOT.plusSeconds(30), 10_001),
                reading(5, SLOT.plusSeconds(40), 20_001)); // 1,000 Wh in 10 s = 360 kW

        HighResolutionRules.Verdict v = HighResolutionRules.check(readings, NOW, o -> slots, o -> new TreeMap<>());

        assertThat(v.toStore()).extracting(HighResolutionReading::line).containsExactly(3);
        assertThat(v.rejects()).extracting(IngestionReport.Reject::reason).containsExactlyInAnyOrder(RejectReason.BEFORE_2020,
                RejectReason.IN_FUTURE, RejectReason.DUPLICATE_IN_BATCH, RejectReason.IMPLAUSIBLE_POWER);
    }
}
