package org.smgwlite.platform.legacy;

import java.nio.charset.StandardCharsets;

/**
 * The 200 answer to an SMGW.Lite upload. {@code bytes} and {@code crc32} ({@link UploadAck}) are what current
 * firmware checks before it clears its buffer; the counts are for people. {@code received} counts the body's entries,
 * the others count register values (an entry holds 1.8.0 and, with {@code m280}, 2.8.0): {@code inserted} quarter-hour
 * values and {@code highResolution} readings stored now, {@code duplicates} already stored (a re-sent buffer),
 * {@code rejected} refused with a reason or skipped (1.8.0 = 0). {@code ota_check} is always false and there is never
 * an {@code fw_update} member: that would make the device download firmware.
 */
public record LegacyAnswer(UploadAck ack, int received, int inserted, int duplicates, int rejected, int highResolution) {

    /** The JSON body, built byte for byte (the firmware reads at most 1,024 bytes and needs Content-Length). */
    public byte[] json() {
        return ("{\"bytes\":" + ack.bytes() + ",\"crc32\":\"" + ack.crc32() + "\",\"received\":" + received
                + ",\"inserted\":" + inserted + ",\"duplicates\":" + duplicates + ",\"rejected\":" + rejected
                + ",\"highResolution\":" + highResolution + ",\"ota_check\":false}").getBytes(StandardCharsets.US_ASCII);
    }

    /** The answer to a log upload: the ack and how many events were new. */
    public static byte[] logJson(UploadAck ack, int received, int inserted) {
        return ("{\"bytes\":" + ack.bytes() + ",\"crc32\":\"" + ack.crc32() + "\",\"received\":" + received
                + ",\"inserted\":" + inserted + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /** The answer to {@code backend_test=true} that current firmware needs to show "ID & Token" as good. */
    public static byte[] backendTestJson(String deviceId) {
        return ("{\"ok\":true,\"id\":\"" + deviceId + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
