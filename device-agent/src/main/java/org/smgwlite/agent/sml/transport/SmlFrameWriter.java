package org.smgwlite.agent.sml.transport;

import java.io.ByteArrayOutputStream;

/**
 * Wraps encoded SML messages in a transport v1 frame: start sequence, escaped data, 0x00 padding
 * to a multiple of four, end sequence with padding count and CRC-16/X-25 (low byte first).
 * The inverse of {@link SmlFramer}.
 */
public final class SmlFrameWriter {

    private SmlFrameWriter() {
    }

    public static byte[] frame(byte[] messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(messages.length + 32);
        writeWord(out, 0x1b1b1b1b);
        writeWord(out, 0x01010101);
        int padding = (4 - messages.length % 4) % 4;
        byte[] padded = new byte[messages.length + padding];
        System.arraycopy(messages, 0, padded, 0, messages.length);
        for (int i = 0; i < padded.length; i += 4) {
            int w = (padded[i] & 0xFF) << 24 | (padded[i + 1] & 0xFF) << 16 | (padded[i + 2] & 0xFF) << 8
                    | (padded[i + 3] & 0xFF);
            if (w == 0x1b1b1b1b) {
                writeWord(out, w); // escaped escape: the word is sent twice
            }
            writeWord(out, w);
        }
        writeWord(out, 0x1b1b1b1b);
        out.write(0x1a);
        out.write(padding);
        byte[] body = out.toByteArray();
        int crc = Crc16.x25(body, 0, body.length);
        out.write(crc & 0xFF);
        out.write(crc >>> 8);
        return out.toByteArray();
    }

    private static void writeWord(ByteArrayOutputStream out, int w) {
        out.write(w >>> 24);
        out.write(w >>> 16);
        out.write(w >>> 8);
        out.write(w);
    }
}
