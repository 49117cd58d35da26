package org.smgwlite.platform.metering.mscons;

/**
 * An MSCONS interchange that breaks the schema (or could not be written or read): says which segment, by its
 * number in the interchange and its tag, and what staedi found wrong there.
 */
public class MsconsException extends RuntimeException {

    public MsconsException(String message, Throwable cause) {
        super(message, cause);
    }

    public MsconsException(String message) {
        super(message);
    }
}
