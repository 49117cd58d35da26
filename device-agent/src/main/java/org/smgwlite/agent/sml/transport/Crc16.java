package org.smgwlite.agent.sml.transport;

/**
 * The two CRC-16 variants met on the optical interface.
 *
 * <p>SML uses CRC-16/X-25 (reflected polynomial 0x1021, init and final XOR 0xFFFF) for the
 * transport frame and for each message. Some Holley DTZ541 firmware computes CRC-16/KERMIT
 * (same polynomial, init 0, no final XOR) instead; it is offered here so that the quirk can
 * be named where it is accepted, never silently.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16() {
    }

    /** CRC-16/X-25 over {@code length} bytes from {@code offset}; the value as a number (check 0x906E). */
    public static int x25(byte[] data, int offset, int length) {
        return update(0xFFFF, data, offset, length) ^ 0xFFFF;
    }

    /** CRC-16/KERMIT over {@code length} bytes from {@code offset}; the value as a number (check 0x2189). */
    public static int kermit(byte[] data, int offset, int length) {
        return update(0x0000, data, offset, length);
    }

    private static int update(int crc, byte[] data, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }

    /** The byte order used on the wire by SML transport v1: low byte first. */
    public static int readWire(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }
}
