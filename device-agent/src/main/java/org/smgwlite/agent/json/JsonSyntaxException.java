package org.smgwlite.agent.json;

/** Text that is not JSON, or not the JSON the caller expects: what is wrong and at which character. */
public final class JsonSyntaxException extends IllegalArgumentException {

    private final int offset;

    public JsonSyntaxException(int offset, String reason) {
        super("invalid JSON at offset " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Index of the character where reading stopped (0-based, in chars of the text). */
    public int offset() {
        return offset;
    }
}
