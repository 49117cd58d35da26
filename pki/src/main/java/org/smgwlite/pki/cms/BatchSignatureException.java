package org.smgwlite.pki.cms;

import org.smgwlite.pki.PkiException;

/** A signed batch that is refused; nothing in it may be used. {@link #reason()} is machine-readable. */
public class BatchSignatureException extends PkiException {

    /** Why a signed batch is refused. */
    public enum Reason {
        /** Not a DER CMS SignedData with encapsulated content, or too large. */
        MALFORMED,
        /** Not exactly one signer, or the signature does not verify over the content. */
        BAD_SIGNATURE,
        /** The signature verifies, but with a key that is none of the expected signer certificates. */
        UNKNOWN_SIGNER,
        /** The signature verifies with an expected certificate, but that certificate is expired or not yet valid. */
        SIGNER_NOT_VALID
    }

    private final Reason reason;

    public BatchSignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
