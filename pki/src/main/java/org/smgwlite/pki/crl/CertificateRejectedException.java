package org.smgwlite.pki.crl;

import org.smgwlite.pki.PkiException;

/** A certificate chain the Wirk-PKI does not accept; the message names the certificate and the reason. */
public final class CertificateRejectedException extends PkiException {

    /** Why a chain was refused. */
    public enum Reason {
        /** Does not chain to a trusted CA, a signature does not verify, or a CA constraint is broken. */
        UNTRUSTED,
        /** A certificate in the chain is not valid at the time of the check. */
        EXPIRED,
        /** A certificate in the chain is on its issuer's CRL. */
        REVOKED,
        /** No CRL of the issuer, a CRL with a bad signature, or one past its nextUpdate: fail closed. */
        REVOCATION_UNKNOWN
    }

    private final Reason reason;

    public CertificateRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
