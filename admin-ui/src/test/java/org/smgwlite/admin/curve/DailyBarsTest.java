package org.smgwlite.admin.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.metering.query.ComparisonPeriod;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.DailyEnergy;
import org.smgwlite.platform.metering.query.EnergyTotal;

class DailyBarsTest {

    private static final LocalFormats GERMAN = new LocalFormats(Locale.GERMANY);

    /** Every day of {@code range} with import 1000 Wh times its day of month, export 500 Wh. */
    private static List<EnergyTotal> days(CurveRange range) {
        return range.first().datesUntil(range.endExclusive())
                .map(d -> new EnergyTotal(d, BigDecimal.valueOf(1000L * d.getDayOfMonth()), BigDecimal.valueOf(500), 96, 96, 0))
                .toList();
    }

    private static DailyEnergy energy(CurveRange range) {
        CurveRange before = ComparisonPeriod.before(range);
        return new DailyEnergy(range, days(range), before, days(before));
    }

    @Test
    void a_week_shows_import_next_to_the_week_before_with_weekdays_and_german_numbers() {
        CurveRange week = CurveRange.around(LocalDate.of(2026, 11, 30), CurveRange.Span.WEEK, CurveRange.BERLIN);

        DailyBars.Bars bars = DailyBars.of(energy(week), false, GERMAN, key -> key);

        assertThat(bars.labels()).hasSize(7).startsWith("Mo., 30.11.2026", "Di., 01.12.2026");
        assertThat(bars.series()).extracting(EnergyBarsChart.Series::name)
                .as("a meter without export: no export bars").containsExactly("curve.bars.import", "curve.bars.import.previous");
        EnergyBarsChart.Series now = bars.series().get(0);
        assertThat(now.kwh().get(0)).isEqualByComparingTo("30");
        assertThat(now.texts().get(0)).isEqualTo("Mo., 30.11.2026 · curve.bars.import: 30,0 kWh");
        assertThat(bars.series().get(1).kwh().get(0)).as("Monday 23 November").isEqualByComparingTo("23");
    }

    @Test
    void a_month_is_set_against_the_month_before_day_by_day_and_export_shows_when_metered() {
        CurveRange march = CurveRange.around(LocalDate.of(2026, 3, 10), CurveRange.Span.MONTH, CurveRange.BERLIN);

        DailyBars.Bars bars = DailyBars.of(energy(march), true, GERMAN, key -> key);

        assertThat(bars.labels()).hasSize(31).startsWith("01.03.2026");
        assertThat(bars.series()).hasSize(4).extracting(EnergyBarsChart.Series::color)
                .containsExactly(DailyBars.IMPORT, DailyBars.IMPORT_BEFORE, DailyBars.EXPORT, DailyBars.EXPORT_BEFORE);
        List<BigDecimal> february = bars.series().get(1).kwh();
        assertThat(february).hasSize(31);
        assertThat(february.get(27)).as("28 February next to 28 March").isEqualByComparingTo("28");
        assertThat(IntStream.range(28, 31).mapToObj(february::get)).as("February has no 29th to 31st").containsOnlyNulls();
        assertThat(bars.series().get(1).texts().get(30)).isEmpty();
    }
}
