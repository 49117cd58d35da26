package org.smgwlite.platform.metering.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.metering.substitute.TestSeries.local;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/**
 * Gaps over the DST switches of 2026 (Europe/Berlin), gaps without an end, and what a fill never touches: true values.
 */
class GapRulesDstTest {

    /**
     * Readings in Wh on the local days [first, end) from an energy per quarter hour; the slots strictly between
     * {@code gapFrom} and {@code gapTo} missing, the register {@code difference} higher at {@code gapTo}.
     */
    private static Map<Instant, Long> readings(LocalDate first, LocalDate end, ToLongFunction<Instant> energy,
                                               Instant gapFrom, Instant gapTo, long difference) {
        Map<Instant, Long> readings = new HashMap<>();
        CurveRange all = new CurveRange(first, end, CurveRange.BERLIN);
        long register = 70_000;
        for (Instant at = all.from(); !at.isAfter(all.to()); at = at.plus(CurveRange.SLOT)) {
            if (at.equals(gapTo)) {
                register = readings.get(gapFrom) + difference;
            }
            if (!at.isAfter(gapFrom) || !at.isBefore(gapTo)) {
                readings.put(at, register);
            }
            register += energy.applyAsLong(at);
        }
        return readings;
    }

    /**
     * Sunday 2026-10-25, 00:00-06:00 local is seven hours (02:00-03:00 twice): 28 quarter hours. The four Sundays
     * before used 30 Wh per quarter hour from 02:00 to 03:00 and 10 Wh otherwise, so both 02:xx hours weigh 30: profile
     * 8 x 10 + 8 x 30 + 12 x 10 = 440 Wh; 880 Wh across the gap is exactly twice the profile, interval by interval.
     */
    @Test
    void an_autumn_switch_gap_gives_both_occurrences_of_the_repeated_hour_their_profile_share() {
        Instant gapFrom = local("2026-10-25T00:00");
        Instant gapTo = local("2026-10-25T06:00");
        ToLongFunction<Instant> energy = at -> TestSeries.zoned(at).getHour() == 2 ? 30 : 10;
        Map<Instant, Long> readings = readings(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 26), energy, gapFrom, gapTo, 880);
        IntervalSeries series = TestSeries.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 26), 0, "Wh", readings::get);

        Gap gap = GapFinder.find(series).bounded().get(0);
        GapFill fill = GapRules.fill(series, gap, CurveRange.BERLIN);

        assertThat(gap.intervals()).isEqualTo(28);
        assertThat(fill.method()).isEqualTo(SubstituteMethod.PROFILE);
        IntervalSeries filled = withSubstitutes(series, fill);
        int first = TestSeries.slot(filled, gapFrom);
        for (int i = first; i < first + 28; i++) {
            long expected = TestSeries.zoned(filled.intervalStart(i)).getHour() == 2 ? 60 : 20;
            assertThat(filled.energyWh(i).longValueExact()).as("interval at " + filled.intervalStart(i)).isEqualTo(expected);
            assertThat(filled.substituteMethod(i)).isEqualTo("profile");
        }
        assertThat(filled.energyWhSum(first, first + 28)).isEqualByComparingTo("880");
        assertThat(filled.substituteMethod(first + 28)).as("first interval after the gap").isNull();
    }

    /** Sunday 2026-03-29, 01:00-04:00 local is two hours (02:00-03:00 does not exist): 8 quarter hours, linear. */
    @Test
    void a_spring_switch_gap_of_two_real_hours_is_linear() {
        Instant gapFrom = local("2026-03-29T01:00");
        Instant gapTo = local("2026-03-29T04:00");
        Map<Instant, Long> readings = readings(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30), at -> 10, gapFrom, gapTo, 100);
        IntervalSeries series = TestSeries.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30), 0, "Wh", readings::get);

        Gap gap = GapFinder.find(series).bounded().get(0);
        GapFill fill = GapRules.fill(series, gap, CurveRange.BERLIN);

        assertThat(gap.intervals()).isEqualTo(8);
        assertThat(fill.method()).isEqualTo(SubstituteMethod.LINEAR);
        long start = gap.startUnscaled().longValueExact();
        assertThat(fill.values()).extracting(v -> v.unscaled().longValueExact() - start)
                .containsExactly(12L, 25L, 37L, 50L, 62L, 75L, 87L);
        assertThat(fill.values().get(0).slot()).isEqualTo(Instant.parse("2026-03-29T00:15:00Z"));
    }

    @Test
    void a_gap_without_a_true_value_after_it_gets_nothing() {
        Instant lastTrue = local("2026-01-05T12:00");
        IntervalSeries series = TestSeries.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), 0, "Wh",
                at -> at.isAfter(lastTrue) ? null : 1000 + (at.getEpochSecond() / 900) % 1000);

        GapFinder.Found found = GapFinder.find(series);

        assertThat(found.bounded()).isEmpty();
        assertThat(found.unfilled()).containsExactly(local("2026-01-05T12:15"));
    }

    /**
     * A series that already holds substitute values (as the curve is read) finds the same gap again, bounded by true
     * values only, and its fill names only slots without a true reading; a substitute given for a slot with a true
     * reading is ignored by the series.
     */
    @Test
    void substitutes_count_as_missing_and_a_fill_never_names_a_true_slot() {
        IntervalSeries plain = TestSeries.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), 0, "Wh",
                at -> at.equals(local("2026-01-05T08:15")) || at.equals(local("2026-01-05T08:30")) ? null : 10 * (at.getEpochSecond() / 900));
        GapFill fill = GapRules.fill(plain, GapFinder.find(plain).bounded().get(0), CurveRange.BERLIN);
        IntervalSeries filled = withSubstitutes(plain, fill);

        assertThat(GapFinder.find(filled).bounded()).singleElement()
                .satisfies(g -> assertThat(g).isEqualTo(GapFinder.find(plain).bounded().get(0)));
        for (Substitute v : fill.values()) {
            assertThat(plain.readingAt(TestSeries.slot(plain, v.slot()))).isNull();
        }
        SeriesBuilder b = builderOf(plain);
        int trueSlot = TestSeries.slot(plain, local("2026-01-05T08:00"));
        b.substitute(local("2026-01-05T08:00").getEpochSecond(), 1, 0, "Wh", "linear");
        IntervalSeries tried = b.build();
        assertThat(tried.readingAt(trueSlot)).isEqualByComparingTo(plain.readingAt(trueSlot));
        assertThat(tried.readingSubstituteMethod(trueSlot)).isNull();
    }

    @Test
    void shares_add_up_to_the_difference_and_never_fall() {
        BigInteger[] offsets = CumulativeShares.offsets(BigInteger.valueOf(7),
                new BigInteger[] {BigInteger.ONE, BigInteger.ZERO, BigInteger.TWO, BigInteger.valueOf(3)});
        // total 6: floor(7 * 1 / 6) = 1, floor(7 * 1 / 6) = 1, floor(7 * 3 / 6) = 3, then 7
        assertThat(offsets).containsExactly(BigInteger.ONE, BigInteger.ONE, BigInteger.valueOf(3));
        assertThat(CumulativeShares.linear(BigInteger.ZERO, 3)).containsExactly(BigInteger.ZERO, BigInteger.ZERO);
    }

    /** The series with the fill's values added, as {@code LoadCurveQuery} reads them. */
    static IntervalSeries withSubstitutes(IntervalSeries series, GapFill fill) {
        SeriesBuilder b = builderOf(series);
        for (Substitute v : fill.values()) {
            b.substitute(v.slot().getEpochSecond(), v.unscaled().longValueExact(), v.scaler(), v.unit(), v.method().word());
        }
        return b.build();
    }

    private static SeriesBuilder builderOf(IntervalSeries series) {
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, Instant.ofEpochSecond(series.startEpochSecond()), series.size());
        for (int slot = 0; slot <= series.size(); slot++) {
            if (series.readingAt(slot) != null) {
                b.reading(series.startEpochSecond() + 900L * slot, series.readingAt(slot), 0, series.unit(slot), 0);
            }
        }
        return b;
    }
}
