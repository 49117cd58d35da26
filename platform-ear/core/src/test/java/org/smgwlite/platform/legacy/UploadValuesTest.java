package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.platform.metering.RejectReason;

class UploadValuesTest {

    private static final long MARK = Instant.parse("2026-03-29T00:45:00Z").getEpochSecond(); // DST night in Germany

    private static RingBufferDecoder.Decoded decode(FirmwareBuffer b, byte[] body) {
        return RingBufferDecoder.decode(body, FirmwareFields.parse(b.fields()));
    }

    @Test
    void slot_values_carry_ptb_3_and_their_entry_line_taf14_entries_become_high_resolution_readings() {
        FirmwareBuffer b = new FirmwareBuffer(8, true, false, true)
                .taf7(MARK + 3, 123_456_7, 2150, 0, 10)
                .taf14(MARK + 60, 123_460_0, 2150, 0, 11)
                .taf7(MARK + 900 - 2, 123_500_0, 2150, 0, 12);

        UploadValues v = UploadValues.of(decode(b, b.sentRanges()).entries(), 42);

        assertThat(v.values()).extracting(BatchValue::slotStart, BatchValue::obis, BatchValue::unscaled)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(MARK), "1-0:1.8.0*255", BigInteger.valueOf(1_234_567)),
                        org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(MARK), "1-0:2.8.0*255", BigInteger.valueOf(10)),
                        org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(MARK + 900), "1-0:1.8.0*255", BigInteger.valueOf(1_235_000)),
                        org.assertj.core.groups.Tuple.tuple(Instant.ofEpochSecond(MARK + 900), "1-0:2.8.0*255", BigInteger.valueOf(12)));
        assertThat(v.values()).allSatisfy(x -> {
            assertThat(x.ptbLevel()).isEqualTo(3);
            assertThat(x.scaler()).isEqualTo(-1);
            assertThat(x.unit()).isEqualTo("Wh");
            assertThat(x.householdId()).isEqualTo(42);
        });
        // sentRanges: TAF 7 slots 0, 1 then the TAF 14 slot: lines 1, 1, 2, 2
        assertThat(v.lines()).containsExactly(1, 1, 2, 2);
        assertThat(v.hires()).hasSize(2);
        assertThat(v.hires().get(0).at()).isEqualTo(Instant.ofEpochSecond(MARK + 60));
        assertThat(v.hires().get(0).unscaled()).isEqualTo(BigInteger.valueOf(1_234_600));
        assertThat(v.hires().get(0).line()).isEqualTo(3);
        assertThat(v.refused()).isEmpty();
        assertThat(v.skipped()).isZero();
    }

    @Test
    void an_entry_before_2020_is_refused_and_a_zero_register_skipped() {
        FirmwareBuffer b = new FirmwareBuffer(8, false, false, false)
                .taf7(900, 5_000, 0, 0, 0)             // clock not set: 1970-01-01T00:15:00Z
                .taf7(MARK, 0, 0, 0, 0)                // ts set, 1.8.0 = 0: the firmware never stores it, skipped
                .taf7(MARK + 900, 6_000, 0, 0, 0);

        UploadValues v = UploadValues.of(decode(b, b.whole()).entries(), 1);

        assertThat(v.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.BEFORE_2020);
            assertThat(r.line()).isEqualTo(1);
        });
        assertThat(v.skipped()).isEqualTo(1);
        assertThat(v.values()).extracting(BatchValue::slotStart).containsExactly(Instant.ofEpochSecond(MARK + 900));
        assertThat(v.lineOf(0)).isEqualTo(3);
    }
}
