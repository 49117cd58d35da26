package org.smgwlite.pki.enrollment;

import org.smgwlite.pki.PkiException;

/** A typed enrollment code that cannot be a code at all (wrong length or characters); the message never echoes it. */
public final class MalformedEnrollmentCodeException extends PkiException {

    public MalformedEnrollmentCodeException(String message) {
        super(message);
    }
}
