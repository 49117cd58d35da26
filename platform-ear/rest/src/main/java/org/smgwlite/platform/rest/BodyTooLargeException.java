package org.smgwlite.platform.rest;

import org.smgwlite.platform.shared.DomainException;

/** A request body over its limit ({@link LimitedBody}); answered 413 with reason {@code TOO_LARGE}, nothing of it used. */
public class BodyTooLargeException extends DomainException {

    /** @param declaredLength the body's declared length, or -1 if it was cut off while reading */
    public BodyTooLargeException(String what, long declaredLength, int limit) {
        super(declaredLength >= 0
                ? what + " of " + declaredLength + " bytes exceeds the limit of " + limit + " bytes"
                : what + " exceeds the limit of " + limit + " bytes");
    }
}
