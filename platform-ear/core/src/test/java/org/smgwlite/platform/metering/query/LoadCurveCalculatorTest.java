package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoadCurveCalculatorTest {

    private static final long STEP = 900;

    /** Readings every quarter hour of the range and its closing slot, rising by {@code whPerSlot}. */
    private static SeriesBuilder rising(Register r, CurveRange range, long startWh, long whPerSlot) {
        SeriesBuilder b = new SeriesBuilder(r, range.from(), range.slotCount());
        long from = range.from().getEpochSecond();
        for (int i = 0; i <= range.slotCount(); i++) {
            b.reading(from + STEP * i, BigDecimal.valueOf(startWh + whPerSlot * i), 0, "Wh", 0);
        }
        return b;
    }

    @Test
    void interval_energy_is_the_exact_register_difference_and_power_is_four_times_it() {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 6, 10), CurveRange.Span.DAY, CurveRange.BERLIN);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        long t0 = day.from().getEpochSecond();
        // kWh with scaler -4: 12345.6789 kWh, then +0.1234 kWh = 123.4 Wh
        b.reading(t0, new BigDecimal("123456789"), -4, "kWh", 0);
        b.reading(t0 + STEP, new BigDecimal("123458023"), -4, "kWh", 2);

        IntervalSeries s = b.build();

        assertThat(s.size()).isEqualTo(96);
        assertThat(s.energyWh(0)).isEqualByComparingTo("123.4");
        assertThat(s.averagePowerW(0)).isEqualByComparingTo("493.6");
        assertThat(s.ptbLevel(0)).as("the worse of the two readings").isEqualTo(2);
        assertThat(s.readingAtStart(0)).isEqualByComparingTo("12345.6789");
        assertThat(s.unit(0)).isEqualTo("kWh");
    }

    @Test
    void a_missing_slot_makes_both_adjacent_intervals_gaps_and_nothing_is_interpolated() {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 6, 10), CurveRange.Span.DAY, CurveRange.BERLIN);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        long t0 = day.from().getEpochSecond();
        for (int i = 0; i <= 96; i++) {
            if (i != 10) {
                b.reading(t0 + STEP * i, BigDecimal.valueOf(1000 + 50L * i), 0, "Wh", 0);
            }
        }
        b.gap(t0 + STEP * 10, "meter silent");

        IntervalSeries s = b.build();

        assertThat(s.isGap(9)).isTrue();
        assertThat(s.isGap(10)).isTrue();
        assertThat(s.gapReason(9)).isEqualTo("meter silent at " + Instant.ofEpochSecond(t0 + STEP * 10));
        assertThat(s.ptbLevel(10)).isEqualTo(-1);
        assertThat(s.energyWh(8)).isEqualByComparingTo("50");
        assertThat(s.energyWh(11)).isEqualByComparingTo("50");
        assertThat(s.gapCount()).isEqualTo(2);
        float[] chart = s.powerForChart();
        assertThat(chart[9]).isNaN();
        assertThat(chart[11]).isEqualTo(200f);
    }

    @Test
    void a_register_going_backwards_is_a_gap_not_negative_energy() {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 6, 10), CurveRange.Span.DAY, CurveRange.BERLIN);
        SeriesBuilder b = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount());
        long t0 = day.from().getEpochSecond();
        b.reading(t0, BigDecimal.valueOf(5000), 0, "Wh", 0);
        b.reading(t0 + STEP, BigDecimal.valueOf(10), 0, "Wh", 0);

        IntervalSeries s = b.build();

        assertThat(s.isGap(0)).isTrue();
        assertThat(s.gapReason(0)).isEqualTo("register went backwards");
    }

    @Test
    void dst_days_have_92_and_100_quarter_hours_and_day_totals_follow_local_midnight() {
        CurveRange march = CurveRange.around(LocalDate.of(2026, 3, 15), CurveRange.Span.MONTH, CurveRange.BERLIN);
        LoadCurve curve = LoadCurveCalculator.curve(march,
                rising(Register.IMPORT, march, 0, 10).build(), rising(Register.EXPORT, march, 0, 1).build());

        EnergyTotal springForward = curve.daily().get(28); // 29 March 2026
        assertThat(springForward.start()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(springForward.intervals()).isEqualTo(92);
        assertThat(springForward.importWh()).isEqualByComparingTo("920");
        assertThat(curve.daily().get(27).intervals()).isEqualTo(96);
        assertThat(curve.monthly()).singleElement().satisfies(m -> {
            assertThat(m.intervals()).isEqualTo(31 * 96 - 4);
            assertThat(m.importWh()).isEqualByComparingTo(BigDecimal.valueOf(10L * (31 * 96 - 4)));
            assertThat(m.exportWh()).isEqualByComparingTo(BigDecimal.valueOf(31 * 96 - 4));
            assertThat(m.complete()).isTrue();
        });

        CurveRange octoberDay = CurveRange.around(LocalDate.of(2026, 10, 25), CurveRange.Span.DAY, CurveRange.BERLIN);
        assertThat(octoberDay.slotCount()).isEqualTo(100);
    }

    @Test
    void a_year_has_35040_slots_and_twelve_monthly_totals_with_gaps_counted() {
        CurveRange year = CurveRange.around(LocalDate.of(2025, 7, 1), CurveRange.Span.YEAR, CurveRange.BERLIN);
        SeriesBuilder imports = rising(Register.IMPORT, year, 0, 3);
        imports.gap(year.from().getEpochSecond(), "ignored: a reading exists");
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, year.from(), year.slotCount());

        LoadCurve curve = LoadCurveCalculator.curve(year, imports.build(), exports.build());

        assertThat(year.slotCount()).isEqualTo(35_040);
        assertThat(curve.imports().gapCount()).isZero();
        assertThat(curve.monthly()).hasSize(12);
        assertThat(curve.monthly().get(0).gaps()).as("export never read: every interval lacks a value")
                .isEqualTo(curve.monthly().get(0).intervals());
        assertThat(curve.monthly().stream().map(EnergyTotal::importWh).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(BigDecimal.valueOf(3L * 35_040));
    }

    @Test
    void ranges_are_whole_local_days_and_split_by_month() {
        CurveRange week = CurveRange.around(LocalDate.of(2026, 4, 1), CurveRange.Span.WEEK, CurveRange.BERLIN);
        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(week.from()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(week.byMonth()).extracting(CurveRange::first)
                .containsExactly(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 1));
        assertThat(week.byMonth().stream().mapToInt(CurveRange::slotCount).sum()).isEqualTo(week.slotCount());
    }

    @Test
    void csv_rows_carry_utc_and_local_time_exact_readings_and_gap_markers() throws Exception {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 1, 5), CurveRange.Span.DAY, CurveRange.BERLIN);
        SeriesBuilder imports = rising(Register.IMPORT, day, 1_000_000, 125);
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount());
        exports.gap(day.from().getEpochSecond(), "no telegram, \"optical head\" loose");
        LoadCurve curve = LoadCurveCalculator.curve(day, imports.build(), exports.build());
        StringWriter out = new StringWriter();

        CsvRows.write(curve, out);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2 * 96);
        assertThat(lines[0]).isEqualTo(
                "2026-01-04T23:00:00Z,2026-01-05T00:00:00+01:00,1-0:1.8.0*255,1000000,Wh,125,0,ok,,signed");
        assertThat(lines[1]).isEqualTo("2026-01-04T23:00:00Z,2026-01-05T00:00:00+01:00,1-0:2.8.0*255,,,,,gap,"
                + "\"no telegram, \"\"optical head\"\" loose at 2026-01-04T23:00:00Z\",");
        assertThat(CsvRows.HEADER).startsWith("slot_start_utc,slot_start_local,obis,register_reading,unit,interval_energy_wh");
    }

    @Test
    void a_register_the_meter_does_not_have_is_empty_not_a_day_of_gaps_and_stays_out_of_the_csv() throws Exception {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 6, 10), CurveRange.Span.DAY, CurveRange.BERLIN);
        IntervalSeries imports = rising(Register.IMPORT, day, 1_000_000, 100).build();
        IntervalSeries exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).notMetered().build();

        LoadCurve curve = LoadCurveCalculator.curve(day, imports, exports);

        assertThat(exports.metered()).isFalse();
        assertThat(curve.daily()).singleElement().satisfies(d -> {
            assertThat(d.gaps()).isZero();
            assertThat(d.importWh()).isEqualByComparingTo("9600");
            assertThat(d.exportWh()).isEqualByComparingTo("0");
        });
        StringWriter csv = new StringWriter();
        CsvRows.write(curve, csv);
        assertThat(csv.toString().lines()).hasSize(96).allMatch(l -> l.contains(Register.IMPORT.obis()));

        // a metered register with no readings is still a day of gaps
        IntervalSeries silent = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).build();
        assertThat(LoadCurveCalculator.curve(day, imports, silent).daily().get(0).gaps()).isEqualTo(96);
    }

    @Test
    void energy_is_exact_whatever_the_unit_scaler_or_size_of_the_readings() {
        CurveRange day = CurveRange.around(LocalDate.of(2026, 6, 10), CurveRange.Span.DAY, CurveRange.BERLIN);
        long t0 = day.from().getEpochSecond();
        java.util.Random random = new java.util.Random(7);
        String[] units = {"Wh", "kWh", "MWh", " wh "};
        int[] toWh = {0, 3, 6, 0};
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        BigDecimal[] wh = new BigDecimal[97];
        BigDecimal register = new BigDecimal("123456789012.345");
        for (int i = 0; i <= 96; i++) {
            register = register.add(BigDecimal.valueOf(random.nextInt(2_000_000), 3)); // up to 2 kWh a quarter hour
            int u = i < 40 ? 0 : random.nextInt(units.length); // a steady meter first, then every change there is
            int scaler = i < 40 ? -3 : -3 - toWh[u] - random.nextInt(4); // fine enough for the register's mWh
            BigDecimal unscaled = register.scaleByPowerOfTen(-toWh[u] - scaler).setScale(0, java.math.RoundingMode.UNNECESSARY);
            if (i == 70) { // beyond a long: 10^25 Wh more than the meter before, then back
                unscaled = unscaled.add(BigDecimal.TEN.pow(25 - toWh[u] - scaler));
            }
            b.reading(t0 + STEP * i, unscaled, scaler, units[u], 0);
            wh[i] = unscaled.scaleByPowerOfTen(scaler + toWh[u]);
        }
        IntervalSeries s = b.build();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 96; i++) {
            BigDecimal expected = wh[i + 1].subtract(wh[i]);
            if (expected.signum() < 0) {
                assertThat(s.isGap(i)).as("interval %d", i).isTrue();
                continue;
            }
            assertThat(s.energyWh(i)).as("interval %d", i).isEqualByComparingTo(expected);
            assertThat(s.powerForChart()[i]).isCloseTo(expected.floatValue() * 4, org.assertj.core.data.Percentage.withPercentage(0.001));
            total = total.add(expected);
        }
        assertThat(s.gapCount()).as("only the interval back from 10^25 Wh").isEqualTo(1);
        assertThat(s.energyWhSum(0, 96)).isEqualByComparingTo(total);
        assertThat(s.energyWhSum(0, 40)).isEqualByComparingTo(wh[40].subtract(wh[0]));
        assertThat(s.readingAtStart(70)).isEqualByComparingTo(wh[70].scaleByPowerOfTen(-toWhOf(s.unit(70))));
        assertThat(s.readingAtStart(5)).isEqualTo(wh[5]); // equals: the same value and the same 3 decimals
    }

    private static int toWhOf(String unit) {
        return switch (unit.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "wh" -> 0;
            case "kwh" -> 3;
            default -> 6;
        };
    }
}
