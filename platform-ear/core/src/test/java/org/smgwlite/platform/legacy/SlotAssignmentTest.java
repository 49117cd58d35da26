package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.BatchValue;

class SlotAssignmentTest {

    /** 2026-03-29T01:00:00Z: the hour Germany switches to summer time; slots are UTC, so nothing moves. */
    private static final long MARK = 1_774_746_000L;

    private static List<FirmwareEntry> decode(FirmwareBuffer buffer) {
        return RingBufferDecoder.decode(buffer.sentRanges(), FirmwareFields.parse(buffer.fields())).entries();
    }

    @Test
    void taf7_entries_within_9_s_of_the_mark_are_slot_values_and_taf14_entries_in_between_are_high_resolution() {
        FirmwareBuffer buffer = new FirmwareBuffer(20, false, false, false)
                .taf7(MARK + 3, 10_000L, 0, 0, 0)            // first telegram after the window opened
                .taf14(MARK + 60, 10_012L, 0, 0, 0)
                .taf14(MARK + 120, 10_025L, 0, 0, 0)
                .taf7(MARK + 900 - 2, 10_180L, 0, 0, 0)      // telegram parsed 2 s before the mark, stored after it
                .taf14(MARK + 960, 10_190L, 0, 0, 0)
                .taf7(MARK + 1800 + 10, 10_400L, 0, 0, 0)    // 10 s late: high resolution only
                .taf7(MARK + 2700 + 9, 10_600L, 0, 0, 0);    // 9 s late: still the slot's value

        SlotAssignment.Result r = SlotAssignment.assign(decode(buffer));

        assertThat(r.slotReadings()).extracting(SlotAssignment.SlotReading::slotStart).containsExactly(
                Instant.ofEpochSecond(MARK), Instant.ofEpochSecond(MARK + 900), Instant.ofEpochSecond(MARK + 2700));
        assertThat(r.slotReadings()).extracting(SlotAssignment.SlotReading::offsetSeconds).containsExactly(3L, -2L, 9L);
        assertThat(r.slotReadings()).extracting(s -> s.entry().m180TenthWh()).containsExactly(10_000L, 10_180L, 10_600L);
        assertThat(r.highResolution()).as("in time order although the buffer holds them back to front")
                .extracting(FirmwareEntry::m180TenthWh).containsExactly(10_012L, 10_025L, 10_190L, 10_400L);
    }

    @Test
    void the_tolerance_is_9_s_on_both_sides_of_the_mark() {
        assertThat(SlotAssignment.slotOf(Instant.ofEpochSecond(MARK - 9))).hasValue(Instant.ofEpochSecond(MARK));
        assertThat(SlotAssignment.slotOf(Instant.ofEpochSecond(MARK + 9))).hasValue(Instant.ofEpochSecond(MARK));
        assertThat(SlotAssignment.slotOf(Instant.ofEpochSecond(MARK - 10))).isEmpty();
        assertThat(SlotAssignment.slotOf(Instant.ofEpochSecond(MARK + 10))).isEmpty();
        assertThat(SlotAssignment.slotOf(Instant.ofEpochSecond(MARK + 450))).isEmpty();
        assertThat(SlotAssignment.slotOf(Instant.ofEpochSecond(MARK + 891))).hasValue(Instant.ofEpochSecond(MARK + 900));
    }

    @Test
    void of_two_candidates_for_one_slot_the_nearer_wins_and_on_a_tie_the_earlier_as_in_the_device_agent() {
        FirmwareBuffer nearer = new FirmwareBuffer(4, false, false, false)
                .taf14(MARK - 8, 500L, 0, 0, 0)
                .taf7(MARK + 4, 501L, 0, 0, 0);
        SlotAssignment.Result r = SlotAssignment.assign(decode(nearer));
        assertThat(r.slotReadings()).extracting(s -> s.entry().m180TenthWh()).containsExactly(501L);
        assertThat(r.highResolution()).extracting(FirmwareEntry::m180TenthWh).containsExactly(500L);

        FirmwareBuffer tie = new FirmwareBuffer(4, false, false, false)
                .taf7(MARK + 3, 601L, 0, 0, 0)
                .taf14(MARK - 3, 600L, 0, 0, 0);
        SlotAssignment.Result t = SlotAssignment.assign(decode(tie));
        assertThat(t.slotReadings()).extracting(s -> s.entry().m180TenthWh()).containsExactly(600L);
        assertThat(t.slotReadings()).extracting(SlotAssignment.SlotReading::offsetSeconds).containsExactly(-3L);
        assertThat(t.highResolution()).extracting(FirmwareEntry::m180TenthWh).containsExactly(601L);
    }

    @Test
    void a_slot_reading_becomes_exact_taf7_batch_values_for_both_registers() {
        FirmwareBuffer buffer = new FirmwareBuffer(2, true, false, true).taf7(MARK + 5, 123_456L, 2_100, 0, 789L);
        SlotAssignment.SlotReading reading = SlotAssignment.assign(decode(buffer)).slotReadings().get(0);

        List<BatchValue> values = SlotAssignment.batchValues(reading, 42L, 3);

        assertThat(values).containsExactly(
                new BatchValue(42L, 7, Instant.ofEpochSecond(MARK), "1-0:1.8.0*255", BigInteger.valueOf(123_456L), -1, "Wh", 3, 0),
                new BatchValue(42L, 7, Instant.ofEpochSecond(MARK), "1-0:2.8.0*255", BigInteger.valueOf(789L), -1, "Wh", 3, 0));
        assertThat(new BigDecimal(values.get(0).unscaled(), -values.get(0).scaler())).isEqualByComparingTo("12345.6");
    }

    @Test
    void a_high_resolution_entry_keeps_its_own_time_and_exact_wh() {
        FirmwareBuffer buffer = new FirmwareBuffer(2, false, false, false).taf14(MARK + 61, 4_294_967_295L, 0, 0, 0);
        FirmwareEntry e = SlotAssignment.assign(decode(buffer)).highResolution().get(0);
        List<SlotAssignment.RegisterValue> registers = SlotAssignment.registers(e);
        assertThat(registers).hasSize(1);
        assertThat(registers.get(0).at()).isEqualTo(Instant.ofEpochSecond(MARK + 61));
        assertThat(registers.get(0).obis()).isEqualTo("1-0:1.8.0*255");
        assertThat(registers.get(0).wh()).isEqualByComparingTo("429496729.5");
    }
}
