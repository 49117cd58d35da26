package org.smgwlite.pki.enrollment;

import org.smgwlite.pki.PkiException;

/**
 * A presented enrollment code that does not authorise an enrollment. The platform answers 401 for all reasons
 * alike (telling an attacker which one applies helps them) and writes the reason to its audit log.
 */
public final class EnrollmentCodeRejectedException extends PkiException {

    /** Why a code was refused. */
    public enum Reason { MALFORMED, WRONG_CODE, EXPIRED, ALREADY_USED }

    private final Reason reason;

    public EnrollmentCodeRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
