package org.smgwlite.platform.metering;

import org.smgwlite.platform.shared.DomainException;

/**
 * A whole batch refused: nothing of it is stored. {@link #reason()} is machine-readable
 * ({@code MALFORMED}, {@code BAD_SIGNATURE}, {@code UNKNOWN_SIGNER}, {@code SIGNER_NOT_VALID}, {@code NO_SIGNATURE_CERTIFICATE},
 * {@code GATEWAY_MISMATCH}, {@code EICHLOG_BROKEN}, {@code TOO_LARGE}); {@link #forbidden()} means the caller may not
 * do this (403) rather than sent a bad request (400).
 */
public class BatchRefusedException extends DomainException {

    private final String reason;
    private final boolean forbidden;

    public BatchRefusedException(String reason, boolean forbidden, String message) {
        super(message);
        this.reason = reason;
        this.forbidden = forbidden;
    }

    public String reason() {
        return reason;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
