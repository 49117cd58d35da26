package org.smgwlite.platform.legacy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns an SMGW.Lite meter-value upload body into {@link FirmwareEntry entries}: fixed-size entries of little-endian
 * 32-bit columns in the order {@link FirmwareFields} declares.
 *
 * <p>The body is the firmware's packed ring buffer: TAF 7 entries fill it from the front, TAF 14 entries from the back,
 * so entries are not in time order and a buffer that wrapped mixes both; older firmware sends the whole buffer with its
 * unused slots. A slot with {@code ts = 0} and {@code m180 = 0} is unused (the firmware's own test; it zeroes slots on
 * start, after an acknowledged upload and when a TAF 7 reading replaces a TAF 14 one): skipped and counted. Entries keep
 * the body's order; sorting is the caller's.
 *
 * <p>An empty body is valid: current firmware calls with no values to show it is alive.
 */
public final class RingBufferDecoder {

    /** The firmware's backend refuses larger bodies with 413 (36 KiB). */
    public static final int MAX_BODY_BYTES = 36_864;
    /** Solar values from here up are the firmware's error sentinels (myStrom failures -1..-5 as uint32). */
    static final long SOLAR_SENTINEL_FROM = 0xFFFF_FFF0L;

    /** The entries of a body and how many unused slots it held. */
    public record Decoded(List<FirmwareEntry> entries, int emptySlots) {
        public Decoded {
            entries = List.copyOf(entries);
        }

        /** Slots in the body, used or not. */
        public int slots() {
            return entries.size() + emptySlots;
        }
    }

    private RingBufferDecoder() {
    }

    /**
     * @throws UploadTooLargeException above {@link #MAX_BODY_BYTES}
     * @throws BodySizeException       when the body is not a whole number of entries
     */
    public static Decoded decode(byte[] body, FirmwareFields fields) {
        if (body.length > MAX_BODY_BYTES) {
            throw new UploadTooLargeException(body.length, MAX_BODY_BYTES);
        }
        int size = fields.entrySize();
        if (body.length % size != 0) {
            throw new BodySizeException(body.length, size, "fields " + fields.tokens());
        }
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        List<FirmwareEntry> entries = new ArrayList<>();
        int empty = 0;
        for (int slot = 0; slot * size < body.length; slot++) {
            int at = slot * size;
            long ts = unsigned(in, at, fields, FirmwareField.TS);
            long m180 = unsigned(in, at, fields, FirmwareField.M180);
            if (ts == 0 && m180 == 0) {
                empty++;
                continue;
            }
            int temp = fields.offsetOf(FirmwareField.TEMP);
            OptionalLong solar = optional(in, at, fields, FirmwareField.SOLAR);
            entries.add(new FirmwareEntry(slot, Instant.ofEpochSecond(ts), m180,
                    temp < 0 ? OptionalInt.empty() : OptionalInt.of(in.getInt(at + temp)),
                    solar.isPresent() && solar.getAsLong() >= SOLAR_SENTINEL_FROM ? OptionalLong.empty() : solar,
                    optional(in, at, fields, FirmwareField.M280)));
        }
        return new Decoded(entries, empty);
    }

    private static long unsigned(ByteBuffer in, int entryAt, FirmwareFields fields, FirmwareField field) {
        return Integer.toUnsignedLong(in.getInt(entryAt + fields.offsetOf(field)));
    }

    private static OptionalLong optional(ByteBuffer in, int entryAt, FirmwareFields fields, FirmwareField field) {
        int offset = fields.offsetOf(field);
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(Integer.toUnsignedLong(in.getInt(entryAt + offset)));
    }
}
