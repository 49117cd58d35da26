package org.smgwlite.platform.metering.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;
import org.smgwlite.platform.tariff.TariffCalendar;

class MonthReportTest {

    private static final long STEP = 900;

    /** Readings at every slot of {@code range} including its closing one: 1000 Wh + 7 Wh per quarter hour. */
    private static SeriesBuilder full(CurveRange range) {
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        for (int slot = 0; slot <= range.slotCount(); slot++) {
            b.reading(range.from().getEpochSecond() + STEP * slot, 1000 + 7L * slot, 0, "Wh", 0);
        }
        return b;
    }

    private static ZoneGrid htNt(CurveRange range) {
        LocalDateTime[] starts = new LocalDateTime[range.slotCount()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = LocalDateTime.ofInstant(range.from().plusSeconds(STEP * i), CurveRange.BERLIN);
        }
        return ZoneGrid.of(new HtNtCalendar(), starts);
    }

    @Test
    void march_2026_counts_2972_quarter_hours_and_taf1_is_the_stored_boundary_readings() {
        BillingMonth march = BillingMonth.of(2026, 3);
        IntervalSeries s = full(march.range()).build();

        RegisterMonthReport r = RegisterMonthReport.of(s, s.size(), ZoneGrid.of(new HtNtCalendar(),
                ZoneGrid.localStarts(march)));

        assertThat(r.taf7().expected()).isEqualTo(2_972);
        assertThat(r.taf7().trueValues()).isEqualTo(2_972);
        assertThat(r.taf7().ptbCounts()).containsExactly(2_972, 0, 0, 0, 0);
        assertThat(r.taf7().completenessPercent()).isEqualByComparingTo("100");
        assertThat(r.taf1().start().kind()).isEqualTo(ReadingKind.TRUE);
        assertThat(r.taf1().start().at()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(r.taf1().start().value()).isEqualByComparingTo("1000");
        assertThat(r.taf1().end().at()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(r.taf1().end().value()).isEqualByComparingTo(BigDecimal.valueOf(1000 + 7 * 2_972));
        assertThat(r.taf1().energyWh()).isEqualByComparingTo(BigDecimal.valueOf(7 * 2_972));
        assertThat(r.taf2().totalWh()).isEqualByComparingTo(r.taf1().energyWh());
        assertThat(r.taf7().first().value()).isEqualByComparingTo("1000");
        assertThat(r.taf7().last().at()).isEqualTo(march.end());
    }

    @Test
    void october_2026_counts_2980_and_the_repeated_night_hour_is_nt() {
        BillingMonth october = BillingMonth.of(2026, 10);
        IntervalSeries s = full(october.range()).build();

        RegisterMonthReport r = RegisterMonthReport.of(s, s.size(), ZoneGrid.of(new HtNtCalendar(),
                ZoneGrid.localStarts(october)));

        assertThat(r.taf7().expected()).isEqualTo(2_980);
        assertThat(r.taf1().energyWh()).isEqualByComparingTo(BigDecimal.valueOf(7 * 2_980));
        // 22 weekdays x 64 HT quarter hours; the rest (including both 02:00-03:00 hours of the 25th, a Sunday) NT
        assertThat(r.taf2().zone("HT")).isEqualByComparingTo(BigDecimal.valueOf(7 * 22 * 64));
        assertThat(r.taf2().zone("NT")).isEqualByComparingTo(BigDecimal.valueOf(7 * (2_980 - 22 * 64)));
    }

    @Test
    void a_missing_boundary_is_flagged_missing_with_no_energy_and_never_taken_from_the_neighbour() {
        BillingMonth june = BillingMonth.of(2026, 6);
        CurveRange range = june.range();
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        for (int slot = 1; slot <= range.slotCount(); slot++) {
            b.reading(range.from().getEpochSecond() + STEP * slot, 1000 + 7L * slot, 0, "Wh", 0);
        }
        b.gap(range.from().getEpochSecond(), "meter silent");

        Taf1Readings taf1 = RegisterMonthReport.of(b.build(), range.slotCount(), null).taf1();

        assertThat(taf1.start().kind()).isEqualTo(ReadingKind.MISSING);
        assertThat(taf1.start().value()).isNull();
        assertThat(taf1.end().kind()).isEqualTo(ReadingKind.TRUE);
        assertThat(taf1.energyWh()).isNull();
    }

    @Test
    void a_substituted_boundary_is_flagged_with_its_method_and_its_quarter_hour_counts_as_substitute() {
        BillingMonth june = BillingMonth.of(2026, 6);
        CurveRange range = june.range();
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        long t0 = range.from().getEpochSecond();
        for (int slot = 0; slot < range.slotCount(); slot++) {
            b.reading(t0 + STEP * slot, 1000 + 7L * slot, 0, "Wh", 0);
        }
        b.substitute(t0 + STEP * range.slotCount(), 1000 + 7L * range.slotCount(), 0, "Wh", "linear");

        RegisterMonthReport r = RegisterMonthReport.of(b.build(), range.slotCount(),
                ZoneGrid.of(new HtNtCalendar(), ZoneGrid.localStarts(june)));

        assertThat(r.taf1().end().kind()).isEqualTo(ReadingKind.SUBSTITUTE);
        assertThat(r.taf1().end().substituteMethod()).isEqualTo("linear");
        assertThat(r.taf1().substituted()).isTrue();
        assertThat(r.taf1().energyWh()).isEqualByComparingTo(BigDecimal.valueOf(7 * 2_880));
        assertThat(r.taf7().substitutes()).isEqualTo(1);
        assertThat(r.taf7().trueValues()).isEqualTo(2_879);
        assertThat(r.taf7().last().at()).as("last true reading").isEqualTo(june.end().minusSeconds(STEP));
        assertThat(r.taf2().errorWh()).isEqualByComparingTo("7");
    }

    @Test
    void taf2_splits_a_hand_checked_week_into_ht_nt_and_the_error_register_and_they_add_up_to_the_total() {
        // Mon 2026-06-01 .. Sun 06-07; readings in kWh with scaler -4, +0.0123 kWh = 12.3 Wh per quarter hour
        CurveRange week = CurveRange.around(LocalDate.of(2026, 6, 1), CurveRange.Span.WEEK, CurveRange.BERLIN);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, week.from(), week.slotCount());
        long t0 = week.from().getEpochSecond();
        for (int slot = 0; slot <= week.slotCount(); slot++) {
            if (slot != 100) { // Tue 01:00 missing: quarter hours Tue 00:45 and 01:00 (NT) have no value
                int ptb = slot == 40 ? 3 : 0; // Mon 10:00 PTB 3: quarter hours Mon 09:45 and 10:00 (HT) go to error
                b.reading(t0 + STEP * slot, 123_456_789L + 123L * slot, -4, "kWh", ptb);
            }
        }

        Taf2Energies taf2 = Taf2Energies.of(b.build(), htNt(week));

        // HT: 5 x 64 = 320 quarter hours less 2 in error; NT: 672 - 320 = 352 less 2 missing
        assertThat(taf2.zone("HT")).isEqualByComparingTo("3911.4");   // 318 x 12.3
        assertThat(taf2.zone("NT")).isEqualByComparingTo("4305.0");   // 350 x 12.3
        assertThat(taf2.errorWh()).isEqualByComparingTo("24.6");      //   2 x 12.3
        assertThat(taf2.totalWh()).isEqualByComparingTo("8241.0");    // 670 x 12.3
        assertThat(taf2.missing()).isEqualTo(2);
        assertThat(taf2.zone("HT").add(taf2.zone("NT")).add(taf2.errorWh())).isEqualByComparingTo(taf2.totalWh());
    }

    @Test
    void a_month_without_any_value_says_so_instead_of_zeros() {
        BillingMonth march = BillingMonth.of(2026, 3);
        IntervalSeries empty = new SeriesBuilder(Register.IMPORT, march.start(), march.quarterHours()).build();

        RegisterMonthReport r = RegisterMonthReport.of(empty, march.quarterHours(),
                ZoneGrid.of(new HtNtCalendar(), ZoneGrid.localStarts(march)));

        assertThat(r.hasData()).isFalse();
        assertThat(r.taf1()).isNull();
        assertThat(r.taf2()).isNull();
        assertThat(r.taf7().gaps()).isEqualTo(2_972);
        assertThat(r.taf7().first()).isNull();
    }

    @Test
    void quarter_hours_not_due_yet_are_pending_not_gaps() {
        BillingMonth june = BillingMonth.of(2026, 6);
        CurveRange range = june.range();
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        for (int slot = 0; slot <= 96; slot++) {
            b.reading(range.from().getEpochSecond() + STEP * slot, 1000 + 7L * slot, 0, "Wh", 1);
        }

        Taf7Completeness taf7 = Taf7Completeness.of(b.build(), 100);

        assertThat(taf7.trueValues()).isEqualTo(96);
        assertThat(taf7.ptbCounts()).containsExactly(0, 96, 0, 0, 0);
        assertThat(taf7.gaps()).isEqualTo(4);
        assertThat(taf7.pending()).isEqualTo(2_880 - 100);
    }

    @Test
    void quarter_hours_before_the_profiles_first_version_count_for_no_tariff_and_the_sum_still_holds() {
        BillingMonth june = BillingMonth.of(2026, 6);
        IntervalSeries s = full(june.range()).build();
        HtNtCalendar htNt = new HtNtCalendar();
        TariffCalendar fromThe15th = new TariffCalendar() {
            @Override
            public List<String> zones() {
                return htNt.zones();
            }

            @Override
            public int zoneOf(LocalDateTime start) {
                return start.getDayOfMonth() < 15 ? TariffCalendar.NO_ZONE : htNt.zoneOf(start);
            }

            @Override
            public String profileName() {
                return "HT/NT from 15 June";
            }
        };

        Taf2Energies taf2 = Taf2Energies.of(s, ZoneGrid.of(fromThe15th, ZoneGrid.localStarts(june)));

        assertThat(taf2.zones()).extracting(ZoneEnergy::zone).containsExactly("HT", "NT", ZoneGrid.NO_ZONE_NAME);
        assertThat(taf2.zone(ZoneGrid.NO_ZONE_NAME)).isEqualByComparingTo(BigDecimal.valueOf(7 * 14 * 96));
        assertThat(taf2.totalWh()).isEqualByComparingTo(BigDecimal.valueOf(7 * 2_880));
    }
}
