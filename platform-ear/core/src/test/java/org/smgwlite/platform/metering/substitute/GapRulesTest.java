package org.smgwlite.platform.metering.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.metering.substitute.TestSeries.local;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * The gap rules on known data: the straight line for short gaps, the four-week weekday profile for long ones, exact to
 * the register's last digit, over both DST switches of 2026 in Europe/Berlin.
 */
class GapRulesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    /** kWh with scaler -4; 0.0010 kWh per quarter hour, slots 10..12 missing, +0.0043 kWh across the gap. */
    private static IntervalSeries oneHourGap() {
        Instant start = local("2026-01-05T00:00");
        return TestSeries.of(MONDAY, MONDAY.plusDays(1), -4, "kWh", at -> {
            int i = (int) ((at.getEpochSecond() - start.getEpochSecond()) / 900);
            if (i >= 10 && i <= 12) {
                return null;
            }
            return 123_450_000L + 10L * i + (i >= 13 ? 3 : 0);
        });
    }

    @Test
    void a_one_hour_gap_is_the_straight_line_rounded_cumulatively_to_the_register_unit() {
        IntervalSeries series = oneHourGap();
        GapFinder.Found found = GapFinder.find(series);
        assertThat(found.bounded()).singleElement().satisfies(g -> {
            assertThat(g.fromSlot()).isEqualTo(9);
            assertThat(g.toSlot()).isEqualTo(13);
            assertThat(g.intervals()).isEqualTo(4);
            assertThat(g.difference()).isEqualTo(BigInteger.valueOf(43));
        });
        assertThat(found.unfilled()).isEmpty();

        GapFill fill = GapRules.fill(series, found.bounded().get(0), CurveRange.BERLIN);

        assertThat(fill.method()).isEqualTo(SubstituteMethod.LINEAR);
        // 43 over 4: floor(43/4) = 10, floor(86/4) = 21, floor(129/4) = 32
        assertThat(fill.values()).extracting(Substitute::unscaled).containsExactly(
                BigInteger.valueOf(123_450_100L), BigInteger.valueOf(123_450_111L), BigInteger.valueOf(123_450_122L));
        assertThat(fill.values()).allSatisfy(v -> {
            assertThat(v.scaler()).isEqualTo(-4);
            assertThat(v.unit()).isEqualTo("kWh");
            assertThat(v.obis()).isEqualTo("1-0:1.8.0*255");
            assertThat(v.boundFrom()).isEqualTo(local("2026-01-05T02:15"));
            assertThat(v.boundTo()).isEqualTo(local("2026-01-05T03:15"));
        });
        assertThat(fill.values()).extracting(Substitute::slot).containsExactly(
                local("2026-01-05T02:30"), local("2026-01-05T02:45"), local("2026-01-05T03:00"));
    }

    /**
     * Four Mondays of history (2026-01-05 .. 01-26) with 10 Wh per quarter hour, 40 Wh from 08:00 to 10:00 and, from
     * 06:00 to 07:00, 1 to 4 Wh more in the 4th to 1st week before; on Monday 2026-02-02 the six hours 06:00-12:00 are
     * missing and the register rose by 1,000 Wh across them. Profile (means): 12.5 Wh x 4, 10 x 4, 40 x 8, 10 x 8 =
     * 490 Wh; the shares are 1000 * cumulative / 490, floored.
     */
    @Test
    void a_six_hour_gap_follows_the_four_week_weekday_profile_and_adds_up_exactly() {
        LocalDate gapDay = LocalDate.of(2026, 2, 2);
        Instant gapFrom = local("2026-02-02T06:00");
        Instant gapTo = local("2026-02-02T12:00");
        java.util.Map<Instant, Long> readings = new java.util.HashMap<>();
        CurveRange all = new CurveRange(MONDAY, gapDay.plusDays(1), CurveRange.BERLIN);
        long register = 5_000;
        for (Instant at = all.from(); !at.isAfter(all.to()); at = at.plus(CurveRange.SLOT)) {
            if (at.equals(gapTo)) {
                register = readings.get(gapFrom) + 1000;
            }
            if (!at.isAfter(gapFrom) || !at.isBefore(gapTo)) {
                readings.put(at, register);
            }
            register += energy(at, gapDay);
        }
        IntervalSeries series = TestSeries.of(MONDAY, gapDay.plusDays(1), 0, "Wh", readings::get);
        List<Gap> gaps = GapFinder.find(series).bounded();
        assertThat(gaps).singleElement().extracting(Gap::intervals).isEqualTo(24);

        GapFill fill = GapRules.fill(series, gaps.get(0), CurveRange.BERLIN);

        assertThat(fill.method()).isEqualTo(SubstituteMethod.PROFILE);
        assertThat(fill.values()).hasSize(23);
        long start = gaps.get(0).startUnscaled().longValueExact();
        assertThat(offsetAt(fill, "2026-02-02T06:15", start)).isEqualTo(25);   // 1000 * 12.5 / 490 = 25.5
        assertThat(offsetAt(fill, "2026-02-02T07:00", start)).isEqualTo(102);  // 1000 * 50 / 490 = 102.04
        assertThat(offsetAt(fill, "2026-02-02T08:00", start)).isEqualTo(183);  // 1000 * 90 / 490 = 183.67
        assertThat(offsetAt(fill, "2026-02-02T10:00", start)).isEqualTo(836);  // 1000 * 410 / 490 = 836.73
        assertThat(offsetAt(fill, "2026-02-02T11:45", start)).isEqualTo(979);  // 1000 * 480 / 490 = 979.59
        assertExactAndRising(fill);
    }

    /** The history's energy of the quarter hour starting at {@code at}. */
    static long energy(Instant at, LocalDate gapDay) {
        java.time.ZonedDateTime local = TestSeries.zoned(at);
        int quarter = local.getHour() * 4 + local.getMinute() / 15;
        long weeksBefore = (java.time.temporal.ChronoUnit.DAYS.between(local.toLocalDate(), gapDay) + 6) / 7;
        long extra = quarter >= 24 && quarter < 28 && weeksBefore >= 1 && weeksBefore <= 4 ? 5 - weeksBefore : 0;
        return (quarter >= 32 && quarter < 40 ? 40 : 10) + extra;
    }

    private static long offsetAt(GapFill fill, String localTime, long start) {
        Instant at = local(localTime);
        return fill.values().stream().filter(v -> v.slot().equals(at)).findFirst().orElseThrow()
                .unscaled().longValueExact() - start;
    }

    /** Each value at least the one before, the first at least the start, the last at most the end. */
    private static void assertExactAndRising(GapFill fill) {
        BigInteger previous = fill.gap().startUnscaled();
        for (Substitute v : fill.values()) {
            assertThat(v.unscaled()).isGreaterThanOrEqualTo(previous);
            previous = v.unscaled();
        }
        assertThat(fill.gap().endUnscaled()).isGreaterThanOrEqualTo(previous);
        assertThat(fill.values()).hasSize(fill.gap().intervals() - 1);
    }
}
