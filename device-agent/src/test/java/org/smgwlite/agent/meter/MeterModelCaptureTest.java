package org.smgwlite.agent.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.testing.Captures;

/**
 * One test per real meter capture: the decoder must read exactly the distinct {@code OBIS;value;unit}
 * lines of {@code expected/NAME.csv} (in order of first appearance), reject damaged stretches with a
 * reason and never report an internal error. Model-specific behaviour is asserted where it matters.
 */
class MeterModelCaptureTest {

    private static Captures.Decoded assertDecodesAsExpected(String capture) {
        Captures.Decoded decoded = Captures.decode(Captures.bytes(capture));
        assertThat(decoded.distinctCsvLines()).as(capture).containsExactlyElementsOf(Captures.expected(capture));
        assertThat(decoded.rejections).allSatisfy(r -> {
            assertThat(r.reason()).doesNotStartWith(SmlTelegramDecoder.INTERNAL_ERROR);
            assertThat(r.offset()).isBetween(0L, (long) Captures.bytes(capture).length);
        });
        return decoded;
    }

    private static MeterReading firstReading(Captures.Decoded decoded, String obis) {
        return decoded.telegrams.stream().flatMap(t -> t.readings().stream())
                .filter(r -> ObisCode.parse(obis).equals(r.obis())).findFirst().orElseThrow();
    }

    @Test
    void dzgDvs7412_2_positivePowerWithTopBitSetIsReadAsUnsigned() {
        Captures.Decoded d = assertDecodesAsExpected("DZG_DVS-7412.2_jmberg");
        MeterReading power = firstReading(d, "1-0:16.7.0*255");
        // on the wire: 53 8b 28 = Integer16 -29912; the DVS74 firmware means +35624
        assertThat(power.value()).isEqualTo(MeterValue.Number.of(35624, -2, DlmsUnit.WATT));
        assertThat(power.quirk()).isEqualTo(MeterQuirk.DZG_UNSIGNED_POWER);
        assertThat(d.telegrams.get(0).manufacturer()).isEqualTo("DZG");
        assertThat(d.telegrams.get(0).quirks()).contains("DZG_UNSIGNED_POWER", "SHORTENED_TIME_FIELD");
    }

    @Test
    void dzgDvs7420_2V_G2_mtr0() {
        Captures.Decoded d = assertDecodesAsExpected("DZG_DVS-7420.2V.G2_mtr0");
        assertThat(d.telegrams).hasSize(1);
        assertThat(d.rejections).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("cut off by the end of the stream"));
    }

    @Test
    void dzgDvs7420_2V_G2_mtr1() {
        Captures.Decoded d = assertDecodesAsExpected("DZG_DVS-7420.2V.G2_mtr1");
        assertThat(d.telegrams).hasSize(4);
    }

    @Test
    void dzgDvs7420_2V_G2_mtr1_error_hasNoCompleteFrameAndIsRejectedWithReasons() {
        Captures.Decoded d = assertDecodesAsExpected("DZG_DVS-7420.2V.G2_mtr1_error");
        assertThat(d.telegrams).isEmpty();
        assertThat(d.rejections).hasSizeGreaterThan(1)
                .allSatisfy(r -> assertThat(r.reason()).contains("cut off"));
    }

    @Test
    void dzgDvs7420_2V_G2_mtr2() {
        Captures.Decoded d = assertDecodesAsExpected("DZG_DVS-7420.2V.G2_mtr2");
        assertThat(d.telegrams).hasSize(3);
        assertThat(d.rejections).isEmpty();
    }

    @Test
    void dzgDwsb20_2th_negativeExportPowerStaysNegative() {
        Captures.Decoded d = assertDecodesAsExpected("dzg_dwsb20_2th_2byte");
        MeterReading power = firstReading(d, "1-0:16.7.0*255");
        assertThat(power.quirk()).isNull();
        assertThat(((MeterValue.Number) power.value()).unscaled()).isNegative();
        assertThat(d.rejections.get(0).reason()).contains("outside any frame");
    }

    @Test
    void emhEd300l_consumption() {
        Captures.Decoded d = assertDecodesAsExpected("EMH-ED300L_consumption");
        assertThat(d.telegrams).hasSize(1);
        assertThat(d.rejections).hasSize(2);
    }

    @Test
    void emhEd300l_delivery() {
        assertDecodesAsExpected("EMH-ED300L_delivery");
    }

    @Test
    void emhEhzGw8e2a500ak2() {
        Captures.Decoded d = assertDecodesAsExpected("EMH_eHZ-GW8E2A500AK2");
        assertThat(d.telegrams).hasSize(16);
    }

    @Test
    void emhEhzHw8e2a5l0ek2p_exposesPublicKey() {
        Captures.Decoded d = assertDecodesAsExpected("EMH_eHZ-HW8E2A5L0EK2P");
        MeterTelegram withKey = d.telegrams.stream().filter(t -> t.publicKey() != null).findFirst().orElseThrow();
        assertThat(HexFormat.of().formatHex(withKey.publicKey())).startsWith("28abdbf441a5ef63").hasSize(96);
        assertThat(withKey.manufacturer()).isEqualTo("EMH");
    }

    @Test
    void emhEhzHw8e2a5l0ek2p_1() {
        assertDecodesAsExpected("EMH_eHZ-HW8E2A5L0EK2P_1");
    }

    @Test
    void emhEhzHw8e2awl0ek2p() {
        assertDecodesAsExpected("EMH_eHZ-HW8E2AWL0EK2P");
    }

    @Test
    void emhEhzIw8e2a5l0ek2p_withError_skipsTheValueThatIsNotSet() {
        Captures.Decoded d = assertDecodesAsExpected("EMH_eHZ-IW8E2A5L0EK2P_with_error");
        // 1-0:96.50.2*6 comes with value 0x01 ("not set"): no reading, but the telegram around it is read
        assertThat(d.csvLines()).noneMatch(l -> l.startsWith("1-0:96.50.2*6;"));
        assertThat(d.csvLines()).anyMatch(l -> l.startsWith("1-0:96.50.2*4;"));
        assertThat(d.telegrams).hasSize(11);
    }

    @Test
    void emhEhzIw8e2awl0ek2p() {
        assertDecodesAsExpected("EMH_eHZ-IW8E2AWL0EK2P");
    }

    @Test
    void emhEhz361l5r() {
        assertDecodesAsExpected("EMH_eHZ361L5R");
    }

    @Test
    void emhEhz361l5r_1() {
        assertDecodesAsExpected("EMH_eHZ361L5R_1");
    }

    @Test
    void holleyDtz541Zdba_bareCounterInsteadOfSmlTime() {
        Captures.Decoded d = assertDecodesAsExpected("HOLLEY_DTZ541-ZDBA");
        assertThat(d.telegrams).hasSize(7).allSatisfy(t ->
                assertThat(t.quirks()).contains("HOLLEY_BARE_TIME_AS_SEC_INDEX"));
        assertThat(firstReading(d, "1-0:1.8.2*255").valTime())
                .isInstanceOf(org.smgwlite.agent.sml.structure.SmlTime.SecIndex.class);
    }

    @Test
    void iskraMt175D1a52V22K0t() {
        assertDecodesAsExpected("ISKRA_MT175_D1A52-V22-K0t");
    }

    @Test
    void iskraMt175Ehz() {
        assertDecodesAsExpected("ISKRA_MT175_eHZ");
    }

    @Test
    void iskraMt631_withPin() {
        Captures.Decoded d = assertDecodesAsExpected("ISKRA_MT631-D2A51-V22-K0z_with_PIN");
        assertThat(d.csvLines()).anyMatch(l -> l.startsWith("1-0:16.7.0*255;"));
    }

    @Test
    void iskraMt631_withoutPin_sendsTheReducedDataSet() {
        Captures.Decoded d = assertDecodesAsExpected("ISKRA_MT631-D2A51-V22-K0z_without_PIN");
        assertThat(d.csvLines()).noneMatch(l -> l.startsWith("1-0:16.7.0*255;"));
    }

    @Test
    void iskraMt691EhzMs2020() {
        assertDecodesAsExpected("ISKRA_MT691_eHZ-MS2020");
    }

    @Test
    void itronOpenWay3Hz() {
        assertDecodesAsExpected("ITRON_OpenWay-3.HZ");
    }

    @Test
    void itronOpenWay3Hz_withoutPin() {
        assertDecodesAsExpected("ITRON_OpenWay-3.HZ_without_PIN");
    }

    @Test
    void ebzDd3Dd32r06dtaSmz1() {
        Captures.Decoded d = assertDecodesAsExpected("eBZ_DD3_DD32R06DTA-SMZ1");
        assertThat(d.telegrams).hasSize(4);
    }

    @Test
    void everyCaptureHasATest() {
        List<String> names = java.util.Arrays.stream(MeterModelCaptureTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).map(m -> m.getName()).toList();
        assertThat(names.size() - 1).as("one test per capture").isEqualTo(Captures.ALL.size());
    }
}
