package org.smgwlite.platform.certificate;

import org.smgwlite.pki.PkiException;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.UnsupportedKeyException;
import org.smgwlite.pki.crl.CertificateRejectedException;
import org.smgwlite.pki.csr.CsrRejectedException;
import org.smgwlite.pki.enrollment.EnrollmentCodeRejectedException;
import org.smgwlite.platform.certificate.CertificateRefusedException.Kind;

/**
 * Turns the pki module's typed refusals into the platform's {@link CertificateRefusedException}, which
 * crosses EJB boundaries unwrapped and rolls the transaction back. {@link PkiFailure} is our fault and is
 * rethrown as it is (a 5xx).
 */
final class Refusals {

    private Refusals() {
    }

    static RuntimeException of(PkiException e) {
        if (e instanceof CsrRejectedException csr) {
            Kind kind = csr.reason() == CsrRejectedException.Reason.SUBJECT_MISMATCH ? Kind.FORBIDDEN : Kind.INVALID_REQUEST;
            return new CertificateRefusedException(kind, csr.reason().name(), e.getMessage());
        }
        if (e instanceof EnrollmentCodeRejectedException code) {
            return switch (code.reason()) {
                // Only a caller who presented the right code learns that it is used or expired.
                case ALREADY_USED, EXPIRED -> new CertificateRefusedException(Kind.NOT_AUTHENTICATED, code.reason().name(), e.getMessage());
                case MALFORMED, WRONG_CODE -> codeRefused(code.reason().name());
            };
        }
        if (e instanceof CertificateRejectedException cert) {
            return new CertificateRefusedException(Kind.FORBIDDEN, cert.reason().name(), e.getMessage());
        }
        if (e instanceof UnsupportedKeyException) {
            return new CertificateRefusedException(Kind.INVALID_REQUEST, "KEY_NOT_ALLOWED", e.getMessage());
        }
        return e;
    }

    /**
     * The answer for an unknown gateway, a malformed and a wrong code alike, so that neither gateway ids
     * nor codes can be probed; {@code auditReason} keeps the real cause for the audit log.
     */
    static CertificateRefusedException codeRefused(String auditReason) {
        return new CertificateRefusedException(Kind.NOT_AUTHENTICATED, "CODE_REFUSED",
                "gateway id or enrollment code not accepted", auditReason);
    }
}
