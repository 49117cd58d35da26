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
import org.smgwlite.platform.metering.Origin;

/** Reading V8's and V19's packed day rows (the SQL side is ReadingOriginDayRowsTest's and LoadCurveServiceIT's). */
class LoadCurveQueryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final CurveRange RANGE = CurveRange.around(DAY, CurveRange.Span.DAY, CurveRange.BERLIN);

    /** One signed entry as meter_reading_pack writes it. */
    private static void entry(DataOutputStream out, int secondOfDay, BigDecimal unscaled, int scaler, int ptb) throws Exception {
        entry(out, secondOfDay, unscaled, scaler, ptb, false);
    }

    /** One entry as V19's meter_reading_pack writes it: kind bit 1 set for a legacy reading. */
    private static void entry(DataOutputStream out, int secondOfDay, BigDecimal unscaled, int scaler, int ptb,
                              boolean legacy) throws Exception {
        out.writeInt(secondOfDay);
        int origin = legacy ? 2 : 0;
        if (unscaled.toBigIntegerExact().bitLength() < 64) {
            out.writeByte(origin);
            out.writeLong(unscaled.longValueExact());
        } else {
            byte[] digits = unscaled.toPlainString().getBytes(StandardCharsets.US_ASCII);
            out.writeByte(1 | origin);
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
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-01-05").hasMessageContaining("V19");
        assertThatThrownBy(() -> LoadCurveQuery.unpack(DAY, "Wh", foreign, b))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("value kind 7");
    }

    @Test
    void the_origin_bit_marks_legacy_readings_in_both_value_forms_and_an_interval_on_either_is_legacy() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        BigDecimal huge = new BigDecimal("123456789012345678901234567");
        entry(out, 0, BigDecimal.valueOf(1_000), 0, 0, false);
        entry(out, 900, BigDecimal.valueOf(1_100), 0, 3, true);
        entry(out, 1800, BigDecimal.valueOf(1_200), 0, 0, false);
        entry(out, 2700, BigDecimal.valueOf(1_300), 0, 0, false);
        entry(out, 3600, huge, 0, 3, true);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, RANGE.from(), RANGE.slotCount());

        LoadCurveQuery.unpack(DAY, "Wh", bytes.toByteArray(), b);

        IntervalSeries s = b.build(); // UTC 00:00 is slot 4 of the Berlin day
        assertThat(s.readingOrigin(4)).isEqualTo(Origin.SIGNED);
        assertThat(s.readingOrigin(5)).isEqualTo(Origin.LEGACY);
        assertThat(s.readingPtbLevel(5)).isEqualTo(3);
        assertThat(s.readingOrigin(8)).as("text form").isEqualTo(Origin.LEGACY);
        assertThat(s.readingAt(8)).isEqualTo(huge);
        assertThat(s.readingOrigin(3)).as("no reading").isNull();
        assertThat(s.origin(4)).as("signed to legacy").isEqualTo(Origin.LEGACY);
        assertThat(s.origin(5)).as("legacy to signed").isEqualTo(Origin.LEGACY);
        assertThat(s.origin(6)).as("signed to signed").isEqualTo(Origin.SIGNED);
        assertThat(s.origin(7)).isEqualTo(Origin.LEGACY);
        assertThat(s.origin(3)).as("a gap has none").isNull();
        assertThat(s.energyWh(4)).isEqualByComparingTo("100");
        assertThat(s.anyLegacy()).isTrue();
    }

    @Test
    void a_kind_beyond_the_two_bits_is_refused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        entry(new DataOutputStream(bytes), 0, BigDecimal.ONE, 0, 0);
        byte[] foreign = bytes.toByteArray().clone();
        foreign[4] = 4;
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, RANGE.from(), RANGE.slotCount());

        assertThatThrownBy(() -> LoadCurveQuery.unpack(DAY, "Wh", foreign, b))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("value kind 4");
    }
}
