package org.smgwlite.agent.sml.transport;

/**
 * A stretch of the byte stream that did not yield a decodable SML file, with the reason.
 * Rejections are reported, never thrown: a meter stream goes on after a bad frame.
 *
 * @param offset byte offset in the stream where the rejected stretch starts
 * @param length number of bytes skipped (0 if unknown)
 * @param reason human-readable cause, e.g. "CRC mismatch: frame says 0x1234, computed 0xabcd"
 */
public record FrameRejection(long offset, long length, String reason) {

    @Override
    public String toString() {
        return "offset " + offset + ": " + reason;
    }
}
