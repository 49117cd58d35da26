package org.smgwlite.pki.csr;

import org.smgwlite.pki.PkiException;

/**
 * A certificate signing request the Wirk-PKI refuses; nothing was issued. Always the client's fault,
 * so the platform answers 400 (or 403 for {@link Reason#SUBJECT_MISMATCH}) with the message.
 */
public final class CsrRejectedException extends PkiException {

    /** Why a request was refused, for the platform's error mapping and audit log. */
    public enum Reason {
        /** Not a DER/PEM/base64 PKCS#10 structure, truncated, trailing data, or too large. */
        MALFORMED,
        /** The self-signature does not verify with the request's own public key (no proof of possession). */
        BAD_SIGNATURE,
        /** Not an EC key, a curve that is too weak, or a curve the tenant's policy does not allow. */
        KEY_NOT_ALLOWED,
        /** The subject does not name the gateway the request is authorised for. */
        SUBJECT_MISMATCH
    }

    private final Reason reason;

    public CsrRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CsrRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
