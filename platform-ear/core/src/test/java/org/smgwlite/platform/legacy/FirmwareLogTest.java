package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirmwareLogTest {

    /** A log body as the firmware's {@code LogEntry[]} in memory: uint32 timestamp, uint32 uptime, int32 code. */
    private static byte[] log(long[]... entries) {
        ByteBuffer b = ByteBuffer.allocate(entries.length * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] e : entries) {
            b.putInt((int) e[0]).putInt((int) e[1]).putInt((int) e[2]);
        }
        return b.array();
    }

    @Test
    void entries_decode_with_named_codes_and_unused_slots_are_skipped() {
        byte[] body = log(
                new long[] {1_768_471_201L, 3_000_000_000L, 1010},
                new long[] {0, 0, -1},
                new long[] {1_768_471_202L, 3_000_000_400L, 100_023},
                new long[] {12, 12_000, 1101},
                new long[] {1_768_471_300L, 5, 4242},
                new long[] {1_768_471_301L, 6, 57},
                new long[] {1_768_471_302L, 7, -5});

        FirmwareLog.Decoded d = FirmwareLog.decode(body);

        assertThat(d.unusedSlots()).isEqualTo(1);
        assertThat(d.events()).hasSize(6);
        FirmwareLog.Event first = d.events().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-01-15T10:00:01Z"));
        assertThat(first.uptimeMs()).as("uint32, above 2^31").isEqualTo(3_000_000_000L);
        assertThat(first.status()).isEqualTo(new FirmwareStatusCode(1010, "TAF 7 meter reading trigger"));
        assertThat(d.events()).extracting(e -> e.status().meaning()).containsExactly(
                "TAF 7 meter reading trigger", "values to upload: 23", "start-up, reset reason: power on",
                "code 4242", "values to upload: 57", "code -5");
        assertThat(d.events().get(2).index()).isEqualTo(3);
        assertThat(d.events().get(2).timestamp()).as("before the first time sync").isEqualTo(Instant.ofEpochSecond(12));
        assertThat(d.events()).extracting(e -> e.status().known()).containsExactly(true, true, true, false, true, false);
    }

    @Test
    void a_body_not_made_of_12_byte_entries_is_refused_with_both_sizes() {
        assertThatThrownBy(() -> FirmwareLog.decode(new byte[30]))
                .isInstanceOfSatisfying(BodySizeException.class, e -> {
                    assertThat(e.bodyBytes()).isEqualTo(30);
                    assertThat(e.entryBytes()).isEqualTo(12);
                });
        assertThat(FirmwareLog.decode(new byte[0]).events()).isEmpty();
    }

    @Test
    void the_firmware_names_its_backend_and_supervisor_codes() {
        assertThat(FirmwareStatusCode.of(4004).meaning()).contains("not acknowledged");
        assertThat(FirmwareStatusCode.of(1121).meaning()).isEqualTo("restarted by supervisor: meter upload task hung");
        assertThat(FirmwareStatusCode.of(1109).meaning()).isEqualTo("start-up, reset reason: brownout");
        assertThat(FirmwareStatusCode.of(1111).meaning()).as("beyond the reset reasons the firmware names")
                .isEqualTo("code 1111");
    }
}
