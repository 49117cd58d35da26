package org.smgwlite.platform.metering.mscons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.Register;

class MsconsRoundTripTest {

    private static final MsconsParties PARTIES = new MsconsParties("9900000000003", "9912345000004");
    private static final Instant CREATED = Instant.parse("2026-04-01T06:30:00Z");

    private static byte[] write(List<MeteringPointSeries> series) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MsconsWriter writer = MsconsWriter.open(out, PARTIES, "20260401063000", CREATED)) {
            series.forEach(writer::write);
        }
        return out.toByteArray();
    }

    private static String text(byte[] edi) {
        return new String(edi, StandardCharsets.ISO_8859_1);
    }

    /** Every interval of {@code s} with energy appears once with its exact kWh, qualifier and quarter hour; no gap does. */
    private static void assertSameValues(IntervalSeries s, MeteringPointSeries read) {
        List<QuarterHour> expected = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (!s.isGap(i)) {
                expected.add(new QuarterHour(s.intervalStart(i), s.energyWh(i).movePointLeft(3),
                        s.substituteMethod(i) == null ? Qualifier.TRUE_VALUE : Qualifier.SUBSTITUTE));
            }
        }
        assertThat(read.values()).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            QuarterHour want = expected.get(k);
            QuarterHour got = read.values().get(k);
            assertThat(got.start()).isEqualTo(want.start());
            assertThat(got.energyKwh()).as("kWh at %s", want.start()).isEqualByComparingTo(want.energyKwh());
            assertThat(got.qualifier()).as("qualifier at %s", want.start()).isEqualTo(want.qualifier());
        }
    }

    @Test
    void a_household_month_with_true_values_a_substitute_and_a_gap_reads_back_value_for_value() {
        CurveRange march = Curves.month(2026, 3); // spring switch: 2,972 quarter hours
        LoadCurve curve = Curves.household(march, 100, 200, 203);

        byte[] edi = write(CurveSeries.of(Curves.MESSLOKATION, curve));
        MsconsInterchange read = MsconsReader.readInterchange(new ByteArrayInputStream(edi));

        assertThat(read.parties()).isEqualTo(PARTIES);
        assertThat(read.reference()).isEqualTo("20260401063000");
        assertThat(read.series()).hasSize(2);
        MeteringPointSeries imports = read.series().get(0);
        MeteringPointSeries exports = read.series().get(1);
        assertThat(imports.messlokationId()).isEqualTo(Curves.MESSLOKATION);
        assertThat(imports.obis()).isEqualTo("1-1:1.29.0");
        assertThat(exports.obis()).isEqualTo("1-1:2.29.0");
        assertThat(imports.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(imports.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertSameValues(curve.imports(), imports);
        assertSameValues(curve.exports(), exports);

        // the substitute reading at slot 100 makes intervals 99 and 100 Ersatzwerte; slots 200..203 missing: 199..203 gaps
        assertThat(imports.values()).hasSize(2972 - 5);
        assertThat(imports.values()).filteredOn(q -> q.qualifier() == Qualifier.SUBSTITUTE)
                .extracting(QuarterHour::start)
                .containsExactly(curve.imports().intervalStart(99), curve.imports().intervalStart(100));
        assertThat(imports.values()).extracting(QuarterHour::start)
                .doesNotContain(curve.imports().intervalStart(199), curve.imports().intervalStart(203))
                .contains(curve.imports().intervalStart(198), curve.imports().intervalStart(204));
        assertThat(exports.values()).hasSize(2972).allMatch(q -> q.qualifier() == Qualifier.TRUE_VALUE);
        assertThat(text(edi)).contains("QTY+67:", "QTY+220:", "UNT+" + (7 + 3 + 2 * 2 + (2967 + 2972) * 3 + 1) + "+1'");
    }

    @Test
    void the_quarter_hours_of_dst_days_carry_their_utc_periods() {
        CurveRange spring = Curves.day(2026, 3, 29);
        CurveRange autumn = Curves.day(2026, 10, 25);
        LoadCurve springCurve = Curves.household(spring, -1, -1, -1);
        LoadCurve autumnCurve = Curves.household(autumn, -1, -1, -1);
        List<MeteringPointSeries> series = new ArrayList<>(CurveSeries.of(Curves.MESSLOKATION, springCurve));
        series.addAll(CurveSeries.of(Curves.MESSLOKATION, autumnCurve));

        byte[] edi = write(series);
        List<MeteringPointSeries> read = MsconsReader.read(new ByteArrayInputStream(edi));

        MeteringPointSeries springImport = read.get(0);
        assertThat(springImport.from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(springImport.to()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(springImport.values()).hasSize(92);
        // 02:00 local does not exist: the ninth quarter hour (01:45 CET = 00:45Z) is followed by 03:00 CEST = 01:00Z
        assertThat(springImport.values().get(8).start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        MeteringPointSeries autumnImport = read.get(2);
        assertThat(autumnImport.from()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(autumnImport.to()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(autumnImport.values()).hasSize(100);
        assertSameValues(autumnCurve.imports(), autumnImport);
        assertThat(text(edi))
                .contains("LOC+172+" + Curves.MESSLOKATION + "'DTM+163:202603282300?+00:303'DTM+164:202603292200?+00:303'")
                .contains("DTM+163:202603290100?+00:303'DTM+164:202603290115?+00:303'")
                .as("one message for the Messlokation, a LOC group per period")
                .containsOnlyOnce("UNH+").contains("UNZ+1+");
    }

    @Test
    void the_largest_quantities_and_the_escaped_obis_survive_the_round_trip() {
        Instant t = Instant.parse("2026-06-30T22:00:00Z");
        List<QuarterHour> values = List.of(
                new QuarterHour(t, new BigDecimal("99999999999999999999999999999999999"), Qualifier.TRUE_VALUE),
                new QuarterHour(t.plusSeconds(900), new BigDecimal("9999999999999999999999999999999.9999"), Qualifier.SUBSTITUTE),
                new QuarterHour(t.plusSeconds(1800), new BigDecimal("0.0000000000000000000000000000000001"), Qualifier.TRUE_VALUE),
                new QuarterHour(t.plusSeconds(2700), BigDecimal.ZERO, Qualifier.TRUE_VALUE));
        MeteringPointSeries series = new MeteringPointSeries(Curves.MESSLOKATION, "1-1:1.29.0", t, t.plusSeconds(3600), values);

        byte[] edi = write(List.of(series));
        MeteringPointSeries read = MsconsReader.read(new ByteArrayInputStream(edi)).get(0);

        assertThat(read).isEqualTo(series);
        assertThat(text(edi)).contains("PIA+5+1-1?:1.29.0:SRW'", "QTY+220:99999999999999999999999999999999999:KWH'",
                "QTY+220:0:KWH'");
    }

    @Test
    void wh_become_kwh_exactly_and_plain() {
        assertThat(CurveSeries.kwh(new BigDecimal("10000")).toPlainString()).isEqualTo("10");
        assertThat(CurveSeries.kwh(new BigDecimal("1500")).toPlainString()).isEqualTo("1.5");
        assertThat(CurveSeries.kwh(new BigDecimal("1")).toPlainString()).isEqualTo("0.001");
        assertThat(CurveSeries.kwh(new BigDecimal("0.5")).toPlainString()).isEqualTo("0.0005");
        assertThat(CurveSeries.kwh(new BigDecimal("0.000")).toPlainString()).isEqualTo("0");
    }

    @Test
    void a_year_is_written_month_by_month_within_the_quarter_hour_limit_of_a_lin_group() {
        CurveRange year = new CurveRange(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2027, 1, 1),
                CurveRange.BERLIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MsconsWriter writer = MsconsWriter.open(out, PARTIES, "1", CREATED)) {
            CurveSeries.writeMonths(writer, Curves.MESSLOKATION, year, month -> Curves.household(month, -1, -1, -1));
        }

        List<MeteringPointSeries> read = MsconsReader.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(read).hasSize(24);
        assertThat(read.stream().filter(s -> s.obis().equals(MsconsObis.of(Register.IMPORT)))
                .mapToInt(s -> s.values().size()).sum()).isEqualTo(35_040);
        assertThat(read.get(0).from()).isEqualTo(year.from());
        assertThat(read.get(23).to()).isEqualTo(year.to());
    }

    @Test
    void an_interchange_without_a_message_is_refused_as_edifact_requires_one() {
        assertThatThrownBy(() -> write(List.of()))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("at least one message");
    }
}
