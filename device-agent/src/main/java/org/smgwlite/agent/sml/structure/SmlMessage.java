package org.smgwlite.agent.sml.structure;

/**
 * One SML_Message: envelope fields plus body. Invariant: its own CRC matched.
 *
 * @param offset stream offset of the message's first byte in the unescaped frame data
 *               (approximate in the raw stream when escapes precede it)
 */
public record SmlMessage(long offset, byte[] transactionId, int groupNo, int abortOnError, SmlMessageBody body) {
}
