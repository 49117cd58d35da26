package org.smgwlite.agent.d0;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.meter.MeterReading;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.MeterValue;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.testing.Captures;

class D0TelegramDecoderTest {

    private static final String PUSH = "/EBZ5DD3BZ06ETA_107\r\n\r\n"
            + "1-0:0.0.0*255(1EBZ0100507409)\r\n"
            + "1-0:1.8.0*255(012345.6789*kWh)\r\n"
            + "1-0:16.7.0*255(-000123.45*W)\r\n"
            + "1-0:32.7.0*255(229.8*V)\r\n"
            + "F.F(00)\r\n"
            + "!\r\n";

    private static Captures.Decoded decode(byte[] bytes) {
        Captures.Decoded c = new Captures.Decoded();
        D0TelegramDecoder d = new D0TelegramDecoder(c);
        d.accept(bytes);
        d.endOfStream();
        return c;
    }

    /** Mode C data message: STX, data, '!' CR LF, ETX, BCC = XOR of everything after STX up to ETX. */
    private static byte[] modeC(String data, boolean corruptBcc) {
        byte[] body = (data + "!\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[body.length + 3];
        out[0] = 0x02;
        System.arraycopy(body, 0, out, 1, body.length);
        out[body.length + 1] = 0x03;
        int bcc = 0;
        for (int i = 1; i <= body.length + 1; i++) {
            bcc ^= out[i];
        }
        out[body.length + 2] = (byte) (corruptBcc ? bcc ^ 0x01 : bcc);
        return out;
    }

    @Test
    void pushModeTelegramReadsExactValuesWithKiloFoldedIntoTheScaler() {
        Captures.Decoded c = decode(PUSH.getBytes(StandardCharsets.US_ASCII));
        assertThat(c.rejections).isEmpty();
        MeterTelegram t = c.telegrams.get(0);
        assertThat(t.manufacturer()).isEqualTo("EBZ");
        assertThat(t.readings()).extracting(MeterReading::toCsvLine).containsExactly(
                "1-0:0.0.0*255;1EBZ0100507409;", "1-0:1.8.0*255;12345678.9;Wh", "1-0:16.7.0*255;-123.45;W",
                "1-0:32.7.0*255;229.8;V", "F.F;0;");
        assertThat(t.readings().get(1).value()).isEqualTo(MeterValue.Number.of(123456789, -1,
                org.smgwlite.agent.meter.DlmsUnit.WATT_HOUR));
    }

    @Test
    void modeCBlockCheckCharacterIsVerified() {
        String ident = "/ISK5MT174-0001\r\n";
        String data = "1.8.0(0001234.567*kWh)\r\n2.8.0(0000000.000*kWh)\r\n";
        byte[] good = concat(ident.getBytes(StandardCharsets.US_ASCII), modeC(data, false));
        byte[] bad = concat(ident.getBytes(StandardCharsets.US_ASCII), modeC(data, true));
        Captures.Decoded c = decode(concat(bad, good));
        assertThat(c.telegrams).singleElement().satisfies(t -> assertThat(t.readings().get(0).toCsvLine())
                .isEqualTo("1-0:1.8.0*255;1234567;Wh"));
        assertThat(c.rejections).singleElement().satisfies(r -> {
            assertThat(r.offset()).isZero();
            assertThat(r.reason()).startsWith("block check character mismatch");
        });
    }

    @Test
    void cutOffTelegramIsRejectedAndTheNextOneRead() {
        String cut = PUSH.substring(0, 60);
        Captures.Decoded c = decode((cut + PUSH).getBytes(StandardCharsets.US_ASCII));
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.rejections).singleElement().satisfies(r -> assertThat(r.reason()).contains("cut off"));
    }

    @Test
    void endlessGarbageIsBounded() {
        byte[] noise = new byte[100_000];
        java.util.Arrays.fill(noise, (byte) 'x');
        noise[10] = '/';
        Captures.Decoded c = decode(noise);
        assertThat(c.telegrams).isEmpty();
        assertThat(c.rejections).extracting(FrameRejection::reason).anyMatch(r -> r.startsWith("no end line"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
