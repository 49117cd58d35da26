package org.smgwlite.platform.metering;

import org.smgwlite.platform.shared.DomainException;

/** A whole batch refused: nothing of it is stored. {@link #reason()} says why, typed. */
public class BatchRefusedException extends DomainException {

    /** Why a batch is refused; {@link #forbidden()}: the caller may not do this (403) rather than sent a bad request. */
    public enum Reason {
        MALFORMED(false),
        TOO_LARGE(false),
        BAD_SIGNATURE(false),
        UNKNOWN_SIGNER(true),
        SIGNER_NOT_VALID(true),
        NO_SIGNATURE_CERTIFICATE(true),
        GATEWAY_MISMATCH(true),
        EICHLOG_BROKEN(false);

        private final boolean forbidden;

        Reason(boolean forbidden) {
            this.forbidden = forbidden;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }

    private final Reason reason;

    public BatchRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean forbidden() {
        return reason.forbidden();
    }
}
