package org.smgwlite.agent.sml.structure;

/**
 * The bytes of an SML file do not form valid SML at {@link #offset()}.
 *
 * <p>Thrown often on hostile input (fuzzing, line noise), so it carries no stack trace:
 * the offset and the reason are the whole diagnosis.
 */
public final class SmlDecodingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    public SmlDecodingException(long offset, String reason) {
        super("offset " + offset + ": " + reason, null, false, false);
        this.offset = offset;
        this.reason = reason;
    }

    /** Byte offset in the stream (not in the frame) where decoding failed. */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
