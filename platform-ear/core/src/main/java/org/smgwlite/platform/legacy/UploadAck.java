package org.smgwlite.platform.legacy;

import java.util.zip.CRC32;

/**
 * What current SMGW.Lite firmware (1.4.x) needs in a 200 answer before it drops the data it sent: the body's length and
 * its CRC-32 (IEEE 802.3, as zlib and PHP's {@code hash('crc32b')}) as 8 lower-case hex digits, in the JSON fields
 * {@code "bytes"} and {@code "crc32"}. A 200 without them counts as not received (log 4004 / 4005), so a proxy that
 * answers 200 by itself can never make a gateway lose values. Only send it once the body is stored.
 */
public record UploadAck(int bytes, String crc32) {

    public static UploadAck of(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return new UploadAck(body.length, String.format("%08x", crc.getValue()));
    }
}
