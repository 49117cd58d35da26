package org.smgwlite.agent.meter;

/**
 * A meter protocol's decoder (SML in {@link SmlTelegramDecoder}, IEC 62056-21 D0 in
 * {@code d0.D0TelegramDecoder}): bytes in as they arrive, {@link MeterTelegram}s out to its
 * {@link TelegramListener}, in stream order. {@link MeterProtocol#decoder} makes one.
 *
 * <p>Invariant: bad input never throws. A stretch of the stream that is no telegram goes to
 * {@link TelegramListener#rejected} with its stream offset and reason, and decoding goes on with the next
 * telegram, because a live meter stream does not end at its first damaged frame. Memory is bounded by the
 * largest telegram, never by the stream. Not thread-safe: one instance per byte stream.
 */
public interface TelegramDecoder {

    /** The next bytes of the stream. */
    void accept(byte[] bytes, int offset, int length);

    default void accept(byte[] bytes) {
        accept(bytes, 0, bytes.length);
    }

    /** The stream ended: a telegram still open was cut off and is rejected. */
    void endOfStream();
}
