package org.smgwlite.platform.metering.mscons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveCalculator;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/**
 * Energy resting on a reading of an SMGW.Lite gateway (unsigned) goes out as QTY+201 (Vorschlagswert), passes the
 * schema and reads back as such; true values stay 220, a substitute stays 67 whatever its base.
 */
class MsconsLegacyQualifierTest {

    private static final MsconsParties PARTIES = new MsconsParties("9900000000003", "9912345000004");

    @Test
    void quarter_hours_on_legacy_readings_round_trip_as_proposed_values() {
        CurveRange day = Curves.day(2026, 6, 10);
        long t0 = day.from().getEpochSecond();
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, day.from(), day.slotCount());
        for (int i = 0; i <= day.slotCount(); i++) {
            boolean legacy = i >= 48;
            if (i != 60) {
                imports.reading(t0 + 900L * i, 10_000 + 25L * i, 0, "Wh", legacy ? 3 : 0, legacy);
            }
        }
        imports.substitute(t0 + 900L * 60, 10_000 + 25L * 60, 0, "Wh", "linear", true);
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, day.from(), day.slotCount()).notMetered();
        LoadCurve curve = LoadCurveCalculator.curve(day, imports.build(), exports.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MsconsWriter writer = MsconsWriter.open(out, PARTIES, "LEGACY1", Instant.parse("2026-06-11T06:00:00Z"))) {
            CurveSeries.of(Curves.MESSLOKATION, curve).forEach(writer::write);
        }

        List<MeteringPointSeries> read = MsconsReader.read(new ByteArrayInputStream(out.toByteArray()));

        List<QuarterHour> values = read.get(0).values();
        assertThat(values).hasSize(96);
        assertThat(values.subList(0, 47)).allMatch(q -> q.qualifier() == Qualifier.TRUE_VALUE);
        assertThat(values.get(47).qualifier()).as("signed to legacy").isEqualTo(Qualifier.PROPOSED);
        assertThat(values.get(47).energyKwh()).isEqualByComparingTo("0.025");
        assertThat(values.get(59).qualifier()).as("onto the substitute").isEqualTo(Qualifier.SUBSTITUTE);
        assertThat(values.get(60).qualifier()).isEqualTo(Qualifier.SUBSTITUTE);
        assertThat(values.subList(61, 96)).allMatch(q -> q.qualifier() == Qualifier.PROPOSED);
        assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).contains("QTY+201:0.025:KWH'");
        assertThat(Qualifier.ofCode("201")).isEqualTo(Qualifier.PROPOSED);
    }
}
