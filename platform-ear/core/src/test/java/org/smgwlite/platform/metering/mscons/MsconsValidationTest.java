package org.smgwlite.platform.metering.mscons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class MsconsValidationTest {

    private static final MsconsParties PARTIES = new MsconsParties("9900000000003", "9900000000003");
    private static final Instant T = Instant.parse("2026-01-14T23:00:00Z");

    private static MeteringPointSeries series(String messlokation, BigDecimal kwh) {
        return new MeteringPointSeries(messlokation, "1-1:1.29.0", T, T.plusSeconds(3600),
                List.of(new QuarterHour(T, kwh, Qualifier.TRUE_VALUE)));
    }

    private static String valid() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MsconsWriter w = MsconsWriter.open(out, PARTIES, "7", T)) {
            w.write(series(Curves.MESSLOKATION, new BigDecimal("1.25")));
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<MeteringPointSeries> read(String edi) {
        return MsconsReader.read(new ByteArrayInputStream(edi.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void a_quantity_beyond_35_digits_is_refused_while_writing_naming_segment_and_value() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MsconsWriter writer = MsconsWriter.open(out, PARTIES, "7", T);

        assertThatThrownBy(() -> writer.write(series(Curves.MESSLOKATION, new BigDecimal("1234567890123456789012345678901234567"))))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("(QTY)")
                .hasMessageContaining("DATA_ELEMENT_TOO_LONG")
                .hasMessageContaining("1234567890123456789012345678901234567");
    }

    @Test
    void a_messlokation_longer_than_the_loc_element_is_refused() {
        MsconsWriter writer = MsconsWriter.open(new ByteArrayOutputStream(), PARTIES, "7", T);

        assertThatThrownBy(() -> writer.write(series(Curves.MESSLOKATION + "0000", BigDecimal.ONE)))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("(LOC)")
                .hasMessageContaining("DATA_ELEMENT_TOO_LONG");
    }

    @Test
    void reading_back_finds_a_wrong_segment_count_an_unknown_qualifier_and_a_missing_segment() {
        String edi = valid();
        assertThat(read(edi)).hasSize(1);

        assertThat(edi).contains("UNT+16+1'");
        assertThatThrownBy(() -> read(edi.replace("UNT+16+1'", "UNT+17+1'")))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("(UNT)").hasMessageContaining("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT");
        assertThatThrownBy(() -> read(edi.replace("QTY+220:", "QTY+187:")))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("(QTY)").hasMessageContaining("INVALID_CODE_VALUE '187'");
        assertThatThrownBy(() -> read(edi.replace("UNS+D'", "")))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("UNEXPECTED_SEGMENT");
        assertThatThrownBy(() -> read(edi.replace("DTM+164:202601142315?+00:303'", "")
                .replace("UNT+16+1'", "UNT+15+1'")))
                .isInstanceOf(MsconsException.class)
                .hasMessageContaining("QTY needs DTM 163 and 164 one quarter hour apart");
    }

    @Test
    void market_partner_ids_are_13_digits() {
        assertThatThrownBy(() -> new MsconsParties("990000000000", "9900000000003"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("senderId").hasMessageContaining("13-digit");
        assertThatThrownBy(() -> new MsconsParties("9900000000003", "99000000000x3"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recipientId");
    }

    @Test
    void format_303_is_utc_with_a_whole_hour_offset() {
        assertThat(MsconsTime.format(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo("202603282300+00");
        assertThat(MsconsTime.parse("202603290000+01")).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThatThrownBy(() -> MsconsTime.parse("2026032900+01")).isInstanceOf(IllegalArgumentException.class);
    }
}
