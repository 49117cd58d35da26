package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading V8's packed day rows (the SQL side is LoadCurveServiceIT's). */
class LoadCurveQueryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final CurveRange RANGE = CurveRange.around(DAY, CurveRange.Span.DAY, CurveRange.BERLIN);

    /** One entry as meter_reading_pack writes it. */
    private static void entry(DataOutputStream out, int secondOfDay, BigDecimal unscaled, int scaler, int ptb) throws Exception {
        out.writeInt(secondOfDay);
        if (unscaled.toBigIntegerExact().bitLength() < 64) {
            out.writeByte(0);
            out.writeLong(unscaled.longValueExact());
        } else {
            byte[] digits = unscaled.toPlainString().getBytes(StandardCharsets.US_ASCII);
            out.writeByte(1);
            out.writeShort(digits.length);
            out.write(digits);
        }
        out.writeShort(scaler);
        out.writeShort(ptb);
    }

    @Test
    void a_packed_day_in_any_order_with_long_and_30_digit_values_lands_in_its_slots() throws Exception {
        // the UTC day 2026-01-05 holds local slots 4.. of the Berlin day (which began 23:00 UTC the day before)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        BigDecimal huge = new BigDecimal("-123456789012345678901234567");
        entry(out, 900 * 2, BigDecimal.valueOf(1_000_250), -1, 0);
        entry(out, 0, BigDecimal.valueOf(1_000_000), -1, 3);
        entry(out, 900, huge, 0, 0);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, RANGE.from(), RANGE.slotCount());

        LoadCurveQuery.unpack(DAY, "Wh", bytes.toByteArray(), b);

        IntervalSeries s = b.build();
        assertThat(s.readingAtStart(4)).isEqualTo(new BigDecimal("100000.0"));
        assertThat(s.readingAtStart(5)).isEqualTo(huge);
        assertThat(s.readingAtStart(6)).isEqualTo(new BigDecimal("100025.0"));
        assertThat(s.isGap(4)).as("1,000,000 x 0.1 Wh up to -1.2E26 Wh: backwards").isTrue();
        assertThat(s.isGap(5)).isFalse();
        assertThat(s.energyWh(5)).isEqualByComparingTo(new BigDecimal("100025.0").subtract(huge));
        assertThat(s.readingAtStart(3)).isNull();
    }

    @Test
    void a_cut_or_foreign_row_is_an_error_naming_the_day_not_a_wrong_curve() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        entry(new DataOutputStream(bytes), 0, BigDecimal.ONE, 0, 0);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 1);
        byte[] foreign = bytes.toByteArray().clone();
        foreign[4] = 7;
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, RANGE.from(), RANGE.slotCount());

        assertThatThrownBy(() -> LoadCurveQuery.unpack(DAY, "Wh", cut, b))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-01-05").hasMessageContaining("V8");
        assertThatThrownBy(() -> LoadCurveQuery.unpack(DAY, "Wh", foreign, b))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("value kind 7");
    }
}
