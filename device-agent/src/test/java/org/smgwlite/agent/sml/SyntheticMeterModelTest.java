package org.smgwlite.agent.sml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.MeterQuirk;
import org.smgwlite.agent.meter.MeterReading;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.MeterValue;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.meter.SmlTelegramWriter;
import org.smgwlite.agent.sml.structure.SmlEncoder;
import org.smgwlite.agent.sml.structure.SmlListEntry;
import org.smgwlite.agent.sml.structure.SmlTime;
import org.smgwlite.agent.sml.structure.SmlValue;
import org.smgwlite.agent.testing.Captures;
import org.smgwlite.agent.testing.JsmlOracle;

/**
 * Meter models we have no capture of, built with our encoder after the SML 1.04 layout those meters
 * use, decoded by us and by jSML: both must read back exactly what was put in. One test per model.
 */
class SyntheticMeterModelTest {

    private static final HexFormat HEX = HexFormat.of();

    private static MeterTelegram decodeSingle(byte[] telegram) {
        Captures.Decoded d = Captures.decode(telegram);
        assertThat(d.rejections).isEmpty();
        assertThat(d.telegrams).hasSize(1);
        assertThat(JsmlOracle.ours(telegram)).as("jSML as second oracle").isEqualTo(JsmlOracle.jsml(telegram));
        return d.telegrams.get(0);
    }

    @Test
    void landisGyrE220_timestampsAndBigRegister() {
        byte[] serverId = HEX.parseHex("0a014c475a0003e8a1b2");
        byte[] telegram = SmlTelegramWriter.forServer(serverId)
                .sensorTime(new SmlTime.Timestamp(1_700_000_000L))
                .octets(ObisCode.MANUFACTURER_EDL, "LGZ".getBytes())
                .number(ObisCode.parse("1-0:1.8.0*255"), 0x00_01_01_04L, new SmlTime.LocalTimestamp(1_700_000_000L,
                        60, 0), DlmsUnit.WATT_HOUR, -1, 98_765_432_109L, false, 8)
                .number(ObisCode.parse("1-0:16.7.0*255"), null, null, DlmsUnit.WATT, 0, -1234, true, 4)
                .build();
        MeterTelegram t = decodeSingle(telegram);
        assertThat(t.manufacturer()).isEqualTo("LGZ");
        assertThat(t.serverId()).isEqualTo(serverId);
        assertThat(t.readings()).extracting(MeterReading::toCsvLine).containsExactly(
                "1-0:96.50.1*1;4c475a;", "1-0:1.8.0*255;9876543210.9;Wh", "1-0:16.7.0*255;-1234;W");
        assertThat(t.readings().get(1).status()).isEqualTo(0x00_01_01_04L);
        assertThat(t.readings().get(1).valTime()).isEqualTo(new SmlTime.LocalTimestamp(1_700_000_000L, 60, 0));
    }

    @Test
    void easymeterQ3a_unsigned64AboveLongRangeStaysExact() {
        byte[] telegram = SmlTelegramWriter.forServer(HEX.parseHex("0901455359110a0bb2c3"))
                .number(ObisCode.parse("1-0:1.8.0*255"), null, null, DlmsUnit.WATT_HOUR, -4, 0xF000_0000_0000_0001L,
                        false, 8)
                .build();
        MeterTelegram t = decodeSingle(telegram);
        MeterValue.Number n = (MeterValue.Number) t.readings().get(0).value();
        assertThat(n.unscaledValue()).isEqualTo(new BigInteger("17293822569102704641"));
        assertThat(n.toPlainString()).isEqualTo("1729382256910270.4641");
        assertThat(t.manufacturer()).isEqualTo("ESY");
    }

    @Test
    void emhMme40_signedValuesWithPublicKeyExposeSignatureAndSignedBytes() {
        byte[] publicKey = new byte[48];
        for (int i = 0; i < publicKey.length; i++) {
            publicKey[i] = (byte) (i * 7 + 1);
        }
        SmlListEntry energy = new SmlListEntry(ObisCode.parse("1-0:1.8.0*255").toBytes(), 0x1c0104L,
                new SmlTime.SecIndex(123456), DlmsUnit.WATT_HOUR.code(), -1, new SmlValue.Unsigned(8391648L, 4), null);
        byte[] signedBytes = SmlEncoder.signedBytesOf(energy);
        byte[] signature = new byte[48];
        java.util.Arrays.fill(signature, (byte) 0x5a);
        SmlListEntry signed = new SmlListEntry(energy.objName(), energy.status(), energy.valTime(), energy.unit(),
                energy.scaler(), energy.value(), new org.smgwlite.agent.sml.structure.SignedBytes(signature, signedBytes));
        byte[] listSignature = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        byte[] telegram = SmlTelegramWriter.forServer(HEX.parseHex("0a01454d480000b8ab31"))
                .octets(ObisCode.MANUFACTURER, "EMH".getBytes())
                .octets(ObisCode.PUBLIC_KEY, publicKey)
                .entry(signed)
                .listSignature(listSignature)
                .build();
        MeterTelegram t = decodeSingle(telegram);
        assertThat(t.publicKey()).isEqualTo(publicKey);
        MeterReading r = t.readings().get(2);
        assertThat(r.signature().signature()).isEqualTo(signature);
        assertThat(r.signature().signedBytes()).isEqualTo(signedBytes);
        assertThat(t.listSignatures()).singleElement().satisfies(s -> {
            assertThat(s.signature()).isEqualTo(listSignature);
            assertThat(HEX.formatHex(s.signedBytes())).startsWith("73").contains(HEX.formatHex(signedBytes));
        });
    }

    @Test
    void apatorNorax3d_manyEntriesNeedAMultiByteListLength() {
        SmlTelegramWriter w = SmlTelegramWriter.forServer(HEX.parseHex("0a0141504100013a2b1c"));
        for (int phase = 0; phase < 20; phase++) {
            w.number(new ObisCode(1, 0, 81, 7, phase, 255), null, null, DlmsUnit.of(8), 0, phase * 10L, false, 2);
        }
        byte[] telegram = w.build();
        assertThat(HEX.formatHex(telegram)).contains("f104"); // list of 0x14 elements: two TL bytes
        MeterTelegram t = decodeSingle(telegram);
        assertThat(t.readings()).hasSize(20);
        assertThat(t.readings().get(19).toCsvLine()).isEqualTo("1-0:81.7.19*255;190;°");
    }

    @Test
    void dzgDvs7412_otherSerialInTheBuggyBlockGetsTheQuirk() {
        // fabrication number 42094187 (0x0282526b), reported publicly with the same firmware bug
        byte[] telegram = SmlTelegramWriter.forServer(HEX.parseHex("0a01445a470002 82526b".replace(" ", "")))
                .number(ObisCode.parse("1-0:16.7.0*255"), null, null, DlmsUnit.WATT, -2, (short) 0x8025, true, 2)
                .build();
        MeterReading r = decodeSingle(telegram).readings().get(0);
        assertThat(r.quirk()).isEqualTo(MeterQuirk.DZG_UNSIGNED_POWER);
        assertThat(r.toCsvLine()).isEqualTo("1-0:16.7.0*255;328.05;W");
    }

    @Test
    void dzgOutsideTheBuggyBlocks_fourByteNegativeIsNeverTouched() {
        byte[] telegram = SmlTelegramWriter.forServer(HEX.parseHex("0a01445a4700028 2225e".replace(" ", "")))
                .number(ObisCode.parse("1-0:16.7.0*255"), null, null, DlmsUnit.WATT, -2, -126061, true, 4)
                .build();
        MeterReading r = decodeSingle(telegram).readings().get(0);
        assertThat(r.quirk()).isNull();
        assertThat(r.toCsvLine()).isEqualTo("1-0:16.7.0*255;-1260.61;W");
    }

    @Test
    void escapeSequenceInsideAnOctetStringIsEscapedAndRestored() {
        byte[] awkward = HEX.parseHex("1b1b1b1b1b1b1b1b1b1b1a020000");
        byte[] telegram = SmlTelegramWriter.forServer(HEX.parseHex("0a01495452000348f58e"))
                .octets(ObisCode.parse("1-0:0.0.0*255"), awkward)
                .octets(ObisCode.parse("1-0:0.0.1*255"), new byte[] {1, 2, 3})
                .build();
        MeterTelegram t = decodeSingle(telegram);
        assertThat(((MeterValue.Octets) t.readings().get(0).value()).bytes()).isEqualTo(awkward);
        assertThat(List.of(t.readings().get(1).toCsvLine())).containsExactly("1-0:0.0.1*255;010203;");
    }
}
