package org.smgwlite.platform.legacy;

import org.smgwlite.platform.shared.InvalidInputException;

/**
 * An upload body that is not a whole number of entries: the declared layout does not match the firmware's buffer, or
 * the body was cut off. Nothing of it is used. Answered 400 with both sizes named, as the firmware's own backend does.
 */
public final class BodySizeException extends InvalidInputException {

    private final int bodyBytes;
    private final int entryBytes;

    public BodySizeException(int bodyBytes, int entryBytes, String layout) {
        super("body", bodyBytes + " bytes is not a whole number of " + entryBytes + "-byte entries (" + layout + ")");
        this.bodyBytes = bodyBytes;
        this.entryBytes = entryBytes;
    }

    public int bodyBytes() {
        return bodyBytes;
    }

    public int entryBytes() {
        return entryBytes;
    }
}
