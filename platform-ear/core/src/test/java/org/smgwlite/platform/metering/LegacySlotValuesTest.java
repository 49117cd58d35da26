package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.platform.legacy.FirmwareBuffer;
import org.smgwlite.platform.legacy.FirmwareFields;
import org.smgwlite.platform.legacy.RingBufferDecoder;
import org.smgwlite.platform.legacy.SlotAssignment;

/** SMGW.Lite slot values go through the same series rules as a signed batch: one rule, two doors. */
class LegacySlotValuesTest {

    /** 2026-11-24T12:00:00Z. */
    private static final long NOON = Instant.parse("2026-11-24T12:00:00Z").getEpochSecond();
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static List<BatchValue> slotValues(FirmwareBuffer buffer) {
        RingBufferDecoder.Decoded d = RingBufferDecoder.decode(buffer.sentRanges(), FirmwareFields.parse(buffer.fields()));
        return SlotAssignment.assign(d.entries()).slotReadings().stream()
                .flatMap(r -> SlotAssignment.batchValues(r, 42, 3).stream()).toList();
    }

    @Test
    void legacy_slot_values_are_stored_gapped_and_refused_by_the_series_rules() {
        FirmwareBuffer buffer = new FirmwareBuffer(12, false, false, true)
                .taf7(NOON + 3, 100_000, 0, 0, 5_000)
                .taf14(NOON + 60, 100_020, 0, 0, 5_000)
                .taf7(NOON + 900 - 2, 100_300, 0, 0, 5_001)
                .taf7(NOON + 2700 + 4, 100_250, 0, 0, 5_002);     // 1.8.0 went backwards; 12:30 is missing

        SeriesRules.Verdict v = SeriesRules.check(slotValues(buffer), 42, NOW, (obis, from, to) -> new TreeMap<>());

        assertThat(v.toStore()).extracting(b -> b.obis() + "@" + b.slotStart() + "=" + b.unscaled()).containsExactly(
                "1-0:1.8.0*255@2026-11-24T12:00:00Z=100000", "1-0:1.8.0*255@2026-11-24T12:15:00Z=100300",
                "1-0:2.8.0*255@2026-11-24T12:00:00Z=5000", "1-0:2.8.0*255@2026-11-24T12:15:00Z=5001",
                "1-0:2.8.0*255@2026-11-24T12:45:00Z=5002");
        assertThat(v.toStore()).allSatisfy(b -> {
            assertThat(b.ptbLevel()).isEqualTo(3);
            assertThat(b.scaler()).isEqualTo(-1);
            assertThat(b.unit()).isEqualTo("Wh");
        });
        assertThat(v.rejects()).extracting(IngestionReport.Reject::reason).containsExactly(RejectReason.DECREASING);
        assertThat(v.gaps()).extracting(g -> g.obis() + "@" + g.slot() + " " + g.reason()).containsExactlyInAnyOrder(
                "1-0:1.8.0*255@2026-11-24T12:30:00Z " + SeriesRules.GAP_MISSING,
                "1-0:2.8.0*255@2026-11-24T12:30:00Z " + SeriesRules.GAP_MISSING);
    }

    @Test
    void a_re_sent_buffer_finds_its_values_stored_and_inserts_nothing() {
        FirmwareBuffer buffer = new FirmwareBuffer(4, false, false, false)
                .taf7(NOON + 3, 100_000, 0, 0, 0)
                .taf7(NOON + 901, 100_300, 0, 0, 0);
        TreeMap<Instant, BigDecimal> stored = new TreeMap<>();
        stored.put(Instant.ofEpochSecond(NOON), new BigDecimal("10000.0"));
        stored.put(Instant.ofEpochSecond(NOON + 900), new BigDecimal("10030.0"));

        SeriesRules.Verdict v = SeriesRules.check(slotValues(buffer), 42, NOW, (obis, from, to) -> stored);

        assertThat(v.toStore()).isEmpty();
        assertThat(v.duplicates()).isEqualTo(2);
        assertThat(v.rejects()).isEmpty();
    }
}
