package org.smgwlite.platform.metering.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/** A month partly from an SMGW.Lite gateway: TAF 7 counts its quarter hours, TAF 1 names each boundary's origin. */
class LegacyMonthReportTest {

    private static final long STEP = 900;
    private static final CurveRange JUNE = BillingMonth.of(2026, 6).range();
    private static final long T0 = JUNE.from().getEpochSecond();

    @Test
    void quarter_hours_on_legacy_readings_are_counted_and_the_boundaries_say_where_they_came_from() {
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, JUNE.from(), JUNE.slotCount());
        int switchedAt = 2_000; // the household moved to an SMGW.Lite gateway: readings from slot 2,000 on are legacy
        for (int slot = 0; slot <= JUNE.slotCount(); slot++) {
            boolean legacy = slot >= switchedAt;
            if (slot != 2_500) {
                b.reading(T0 + STEP * slot, 1000 + 7L * slot, 0, "Wh", legacy ? 3 : 0, legacy);
            }
        }
        b.substitute(T0 + STEP * 2_500, 1000 + 7L * 2_500, 0, "Wh", "linear", true);

        RegisterMonthReport r = RegisterMonthReport.of(b.build(), JUNE.slotCount(), null);

        // intervals 1,999 (signed to legacy) .. 2,879 rest on a legacy reading: 881, less the two on the substitute
        assertThat(r.taf7().legacyQuarterHours()).isEqualTo(2_880 - 1_999 - 2);
        assertThat(r.taf7().substitutes()).isEqualTo(2);
        assertThat(r.taf7().ptbCounts()).containsExactly(1_999, 0, 0, 879, 0);
        assertThat(r.taf1().start().origin()).isEqualTo(Origin.SIGNED);
        assertThat(r.taf1().end().origin()).isEqualTo(Origin.LEGACY);
        assertThat(r.taf1().legacy()).isTrue();
        assertThat(r.taf1().energyWh()).isEqualByComparingTo(BigDecimal.valueOf(7 * 2_880));
    }

    @Test
    void a_signed_month_counts_no_legacy_quarter_hour_and_a_missing_boundary_has_no_origin() {
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, JUNE.from(), JUNE.slotCount());
        for (int slot = 1; slot <= JUNE.slotCount(); slot++) {
            b.reading(T0 + STEP * slot, 1000 + 7L * slot, 0, "Wh", 0);
        }

        RegisterMonthReport r = RegisterMonthReport.of(b.build(), JUNE.slotCount(), null);

        assertThat(r.taf7().legacyQuarterHours()).isZero();
        assertThat(r.taf1().start().origin()).isNull();
        assertThat(r.taf1().end().origin()).isEqualTo(Origin.SIGNED);
        assertThat(r.taf1().legacy()).isFalse();
    }
}
