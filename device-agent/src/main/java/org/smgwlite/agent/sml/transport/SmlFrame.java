package org.smgwlite.agent.sml.transport;

/**
 * One SML file as it came out of transport v1: the unescaped message bytes, padding removed.
 *
 * <p>Invariant: the frame CRC matched ({@link #crcVariant()} says which algorithm), so the bytes
 * are what the meter sent; whether they form valid SML is the next layer's question.
 * The array is owned by the frame; callers must not modify it.
 *
 * @param offset     byte offset of the start escape sequence in the stream
 * @param wireLength number of bytes the frame occupied on the wire, escapes included
 * @param messages   the SML messages, unescaped, without padding
 * @param crcVariant the CRC the frame carried
 */
public record SmlFrame(long offset, int wireLength, byte[] messages, CrcVariant crcVariant) {

    /** Which CRC-16 the frame trailer carried. */
    public enum CrcVariant {
        /** CRC-16/X-25, as the SML specification requires. */
        X25,
        /** CRC-16/KERMIT: named quirk of some Holley DTZ541 firmware. */
        KERMIT_HOLLEY_QUIRK
    }
}
