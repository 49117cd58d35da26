package org.smgwlite.platform.legacy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the body of an SMGW.Lite log upload ({@code log.php}): 12-byte entries of little-endian uint32 timestamp
 * (Unix seconds of the device clock; small numbers before the first time sync), uint32 uptime in ms since boot and
 * int32 status code. A slot with code -1 is unused (the firmware's reset value): skipped and counted.
 *
 * <p>Entries keep the body's order, which is not time order: older firmware sends its whole 200-slot ring in slot
 * order (the PHP backend rebuilt the writing order from the smallest uptime), current firmware only the entries since
 * its last acknowledged log upload. {@code (timestamp, uptime)} orders entries of one boot and tells entries of the same
 * second apart. The PHP backend skipped a trailing partial entry; firmware only ever sends whole entries, so a body that
 * is not a multiple of 12 bytes is refused here as for meter values.
 */
public final class FirmwareLog {

    public static final int ENTRY_BYTES = 12;
    static final int UNUSED = -1;

    /** One event of the device's log. */
    public record Event(int index, Instant timestamp, long uptimeMs, FirmwareStatusCode status) {
        public Event {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The events of a body and how many unused slots it held. */
    public record Decoded(List<Event> events, int unusedSlots) {
        public Decoded {
            events = List.copyOf(events);
        }
    }

    private FirmwareLog() {
    }

    /**
     * @throws UploadTooLargeException above {@link RingBufferDecoder#MAX_BODY_BYTES}
     * @throws BodySizeException       when the body is not a whole number of 12-byte entries
     */
    public static Decoded decode(byte[] body) {
        if (body.length > RingBufferDecoder.MAX_BODY_BYTES) {
            throw new UploadTooLargeException(body.length, RingBufferDecoder.MAX_BODY_BYTES);
        }
        if (body.length % ENTRY_BYTES != 0) {
            throw new BodySizeException(body.length, ENTRY_BYTES, "log entries: timestamp, uptime, status code");
        }
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        int unused = 0;
        for (int i = 0; i * ENTRY_BYTES < body.length; i++) {
            int at = i * ENTRY_BYTES;
            int code = in.getInt(at + 8);
            if (code == UNUSED) {
                unused++;
                continue;
            }
            events.add(new Event(i, Instant.ofEpochSecond(Integer.toUnsignedLong(in.getInt(at))),
                    Integer.toUnsignedLong(in.getInt(at + 4)), FirmwareStatusCode.of(code)));
        }
        return new Decoded(events, unused);
    }
}
