package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RingBufferDecoderTest {

    /** 2026-01-15T10:00:00Z, a quarter-hour mark in winter. */
    private static final long MARK = 1_768_471_200L;

    @Test
    void all_five_columns_decode_exactly_from_the_ranges_current_firmware_sends() {
        FirmwareBuffer buffer = new FirmwareBuffer(10, true, true, true)
                .taf7(MARK + 2, 123_456_789L, -550, 4_321L, 98_765L)
                .taf14(MARK + 62, 123_457_001L, 2_150, 0xFFFF_FFFFL, 98_765L)
                .taf7(MARK + 903, 123_460_000L, 2_075, 4_400L, 98_770L);
        byte[] body = buffer.sentRanges();
        assertThat(body).hasSize(3 * 20);

        RingBufferDecoder.Decoded d = RingBufferDecoder.decode(body, FirmwareFields.parse(buffer.fields()));

        assertThat(d.emptySlots()).isZero();
        assertThat(d.entries()).containsExactly(
                new FirmwareEntry(0, Instant.ofEpochSecond(MARK + 2), 123_456_789L, OptionalInt.of(-550),
                        OptionalLong.of(4_321L), OptionalLong.of(98_765L)),
                new FirmwareEntry(1, Instant.ofEpochSecond(MARK + 903), 123_460_000L, OptionalInt.of(2_075),
                        OptionalLong.of(4_400L), OptionalLong.of(98_770L)),
                new FirmwareEntry(2, Instant.ofEpochSecond(MARK + 62), 123_457_001L, OptionalInt.of(2_150),
                        OptionalLong.empty(), OptionalLong.of(98_765L)));
    }

    @Test
    void the_old_protocol_sends_the_whole_buffer_and_its_zero_slots_are_skipped_and_counted() {
        FirmwareBuffer buffer = new FirmwareBuffer(6, true, false, false)
                .taf7(MARK + 1, 50_000L, 1_999, 0, 0)
                .taf14(MARK + 60, 50_010L, 2_001, 0, 0)
                .taf14(MARK + 120, 50_020L, 2_002, 0, 0);

        RingBufferDecoder.Decoded d = RingBufferDecoder.decode(buffer.whole(), FirmwareFields.fromQuery(null, null, null));

        assertThat(d.slots()).isEqualTo(6);
        assertThat(d.emptySlots()).isEqualTo(3);
        assertThat(d.entries()).extracting(FirmwareEntry::index).containsExactly(0, 4, 5);
        assertThat(d.entries()).extracting(FirmwareEntry::m180TenthWh).containsExactly(50_000L, 50_020L, 50_010L);
        assertThat(d.entries().get(0).solarRaw()).isEmpty();
        assertThat(d.entries().get(0).m280TenthWh()).isEmpty();
        assertThat(d.entries().get(0).tempCentiC()).hasValue(1_999);
    }

    @Test
    void a_slot_cleared_inside_the_taf14_range_counts_as_empty() {
        FirmwareBuffer buffer = new FirmwareBuffer(5, false, false, false)
                .taf14(MARK - 120, 7_000L, 0, 0, 0)
                .taf14(MARK - 4, 7_002L, 0, 0, 0)
                .clear(3)
                .taf7(MARK + 1, 7_003L, 0, 0, 0);
        RingBufferDecoder.Decoded d = RingBufferDecoder.decode(buffer.whole(), FirmwareFields.parse("ts,m180"));
        assertThat(d.emptySlots()).isEqualTo(3);
        assertThat(d.entries()).extracting(FirmwareEntry::m180TenthWh).containsExactly(7_003L, 7_000L);
    }

    @Test
    void registers_above_2_to_the_31_are_read_unsigned() {
        FirmwareBuffer buffer = new FirmwareBuffer(1, false, false, true).taf7(MARK, 3_000_000_000L, 0, 0, 4_000_000_000L);
        FirmwareEntry e = RingBufferDecoder.decode(buffer.whole(), FirmwareFields.parse(buffer.fields())).entries().get(0);
        assertThat(e.m180TenthWh()).isEqualTo(3_000_000_000L);
        assertThat(e.m280TenthWh()).hasValue(4_000_000_000L);
    }

    @Test
    void an_empty_body_is_a_call_without_values() {
        RingBufferDecoder.Decoded d = RingBufferDecoder.decode(new byte[0], FirmwareFields.parse("ts,m180"));
        assertThat(d.entries()).isEmpty();
        assertThat(d.slots()).isZero();
    }

    @Test
    void a_body_that_is_not_a_whole_number_of_entries_is_refused_with_both_sizes() {
        byte[] body = new FirmwareBuffer(3, true, true, false).whole(); // 48 bytes of 16-byte entries
        assertThatThrownBy(() -> RingBufferDecoder.decode(body, FirmwareFields.parse("ts,m180,temp,solar,m280")))
                .isInstanceOfSatisfying(BodySizeException.class, e -> {
                    assertThat(e.bodyBytes()).isEqualTo(48);
                    assertThat(e.entryBytes()).isEqualTo(20);
                    assertThat(e.fieldErrors().get("body"))
                            .isEqualTo("48 bytes is not a whole number of 20-byte entries (fields ts,m180,temp,solar,m280)");
                });
    }

    @Test
    void a_body_above_36_kib_is_refused() {
        assertThat(RingBufferDecoder.decode(new byte[36_864], FirmwareFields.parse("ts,m180")).emptySlots())
                .isEqualTo(4_608);
        assertThatThrownBy(() -> RingBufferDecoder.decode(new byte[36_872], FirmwareFields.parse("ts,m180")))
                .isInstanceOfSatisfying(UploadTooLargeException.class, e -> {
                    assertThat(e.bodyBytes()).isEqualTo(36_872);
                    assertThat(e.limitBytes()).isEqualTo(36_864);
                });
    }
}
