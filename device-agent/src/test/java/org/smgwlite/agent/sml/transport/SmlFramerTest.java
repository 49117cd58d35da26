package org.smgwlite.agent.sml.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.testing.Captures;

class SmlFramerTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Captures.Framed frame(byte[]... chunks) {
        Captures.Framed c = new Captures.Framed();
        SmlFramer framer = new SmlFramer(c);
        for (byte[] chunk : chunks) {
            framer.accept(chunk);
        }
        framer.endOfStream();
        return c;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void crcIsX25LowByteFirst() {
        assertThat(Crc16.x25("123456789".getBytes(), 0, 9)).isEqualTo(0x906E);
        assertThat(Crc16.kermit("123456789".getBytes(), 0, 9)).isEqualTo(0x2189);
        byte[] capture = Captures.bytes("DZG_DVS-7412.2_jmberg");
        assertThat(Crc16.readWire(capture, capture.length - 2)).isEqualTo(Crc16.x25(capture, 0, capture.length - 2));
    }

    @Test
    void escapedEscapeAndPaddingAreRemoved() {
        byte[] data = HEX.parseHex("aabbccdd1b1b1b1b7700");
        byte[] wire = SmlFrameWriter.frame(data);
        // the aligned escape word is doubled, two padding bytes are added and counted in the end sequence
        assertThat(HEX.formatHex(wire)).contains("aabbccdd1b1b1b1b1b1b1b1b77000000" + "1b1b1b1b1a02");
        Captures.Framed c = frame(wire);
        assertThat(c.rejections).isEmpty();
        assertThat(c.frames).singleElement().satisfies(f -> {
            assertThat(f.messages()).isEqualTo(data);
            assertThat(f.offset()).isZero();
            assertThat(f.crcVariant()).isEqualTo(SmlFrame.CrcVariant.X25);
        });
    }

    @Test
    void byteByByteDeliveryGivesTheSameFrames() {
        byte[] capture = Captures.bytes("EMH_eHZ-GW8E2A500AK2");
        Captures.Framed whole = frame(capture);
        Captures.Framed c = new Captures.Framed();
        SmlFramer framer = new SmlFramer(c);
        for (byte b : capture) {
            framer.accept(b);
        }
        framer.endOfStream();
        assertThat(c.frames).hasSize(whole.frames.size());
        for (int i = 0; i < c.frames.size(); i++) {
            assertThat(c.frames.get(i).messages()).isEqualTo(whole.frames.get(i).messages());
        }
        assertThat(c.rejections).isEqualTo(whole.rejections);
    }

    @Test
    void wrongCrcIsRejectedAndTheNextFrameIsRead() {
        byte[] good = SmlFrameWriter.frame(HEX.parseHex("01020300"));
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x40;
        Captures.Framed c = frame(concat(bad, good));
        assertThat(c.frames).singleElement().satisfies(f -> assertThat(f.offset()).isEqualTo(bad.length));
        assertThat(c.rejections).singleElement().satisfies(r -> {
            assertThat(r.offset()).isZero();
            assertThat(r.reason()).startsWith("CRC mismatch");
        });
    }

    @Test
    void kermitCrcIsAcceptedAsANamedHolleyQuirk() {
        byte[] wire = SmlFrameWriter.frame(HEX.parseHex("01020300"));
        int kermit = Crc16.kermit(wire, 0, wire.length - 2);
        wire[wire.length - 2] = (byte) kermit;
        wire[wire.length - 1] = (byte) (kermit >>> 8);
        assertThat(frame(wire).frames).singleElement()
                .satisfies(f -> assertThat(f.crcVariant()).isEqualTo(SmlFrame.CrcVariant.KERMIT_HOLLEY_QUIRK));
    }

    @Test
    void garbageBeforeAndFrameCutOffAtTheEndAreReportedWithOffsets() {
        byte[] good = SmlFrameWriter.frame(HEX.parseHex("0102030405060700"));
        byte[] garbage = HEX.parseHex("1b1b00ff1b1b1b1b0101");
        byte[] cut = java.util.Arrays.copyOf(good, 13);
        Captures.Framed c = frame(concat(garbage, good, cut));
        assertThat(c.frames).singleElement().satisfies(f -> assertThat(f.offset()).isEqualTo(garbage.length));
        assertThat(c.rejections).extracting(FrameRejection::offset)
                .containsExactly(0L, (long) garbage.length + good.length);
        assertThat(c.rejections.get(0).reason()).contains("outside any frame");
        assertThat(c.rejections.get(1).reason()).contains("cut off by the end of the stream");
    }

    @Test
    void frameCutOffByANewStartAtAnUnalignedOffsetDoesNotCostTheNextFrame() {
        byte[] good = SmlFrameWriter.frame(HEX.parseHex("0102030405060700"));
        byte[] cut = java.util.Arrays.copyOf(good, 15); // not a multiple of four
        Captures.Framed c = frame(concat(cut, good));
        assertThat(c.frames).singleElement().satisfies(f -> assertThat(f.offset()).isEqualTo(15));
        assertThat(c.rejections).singleElement().satisfies(r -> assertThat(r.reason()).contains("new start sequence"));
    }

    @Test
    void absurdFrameLengthIsBoundedAndReported() {
        Captures.Framed c = new Captures.Framed();
        SmlFramer framer = new SmlFramer(c, 1024);
        framer.accept(HEX.parseHex("1b1b1b1b01010101"));
        framer.accept(new byte[100_000]);
        framer.accept(SmlFrameWriter.frame(HEX.parseHex("0a0b0c00")));
        framer.endOfStream();
        assertThat(c.rejections.get(0).reason()).isEqualTo("no end sequence within 1024 bytes");
        assertThat(c.frames).hasSize(1);
    }

    @Test
    void unsupportedEscapeAndBadPaddingAreRejected() {
        byte[] v2 = concat(HEX.parseHex("1b1b1b1b01010101" + "01020304" + "1b1b1b1b" + "02000000"));
        assertThat(frame(v2).rejections.get(0).reason()).startsWith("unsupported escape sequence");
        byte[] wire = SmlFrameWriter.frame(HEX.parseHex("01020300"));
        wire[wire.length - 3] = 7; // padding count
        int crc = Crc16.x25(wire, 0, wire.length - 2);
        wire[wire.length - 2] = (byte) crc;
        wire[wire.length - 1] = (byte) (crc >>> 8);
        assertThat(frame(wire).rejections).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("impossible padding count 7"));
    }

    @Test
    void randomBytesYieldNoFramesButEveryByteIsAccountedFor() {
        byte[] noise = new byte[50_000];
        new java.util.Random(7).nextBytes(noise);
        Captures.Framed c = frame(noise);
        assertThat(c.frames).isEmpty();
        assertThat(c.rejections).isNotEmpty();
    }
}
