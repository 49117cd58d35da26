package org.smgwlite.platform.certificate;

import org.smgwlite.platform.shared.DomainException;

/**
 * An enrollment, renewal or device request the PKI refuses; nothing was issued. {@link #reason()} is the
 * machine-readable cause (e.g. {@code BAD_SIGNATURE}, {@code REVOKED}) and {@link #kind()} says whose fault
 * it is, so that interface layers can choose 400, 401 or 403.
 */
public class CertificateRefusedException extends DomainException {

    /** Why a caller is refused, independent of the protocol. */
    public enum Kind {
        /** The request itself is bad (malformed or unsigned CSR, key not allowed). */
        INVALID_REQUEST,
        /** The caller did not prove who it is (no or a wrong enrollment code, no client certificate). */
        NOT_AUTHENTICATED,
        /** The caller is known but not allowed this (another gateway's name, a revoked or expired certificate). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String reason;
    private final String auditReason;

    public CertificateRefusedException(Kind kind, String reason, String message) {
        this(kind, reason, message, reason);
    }

    /** @param auditReason the real cause where {@code reason} is deliberately vague to the caller */
    public CertificateRefusedException(Kind kind, String reason, String message, String auditReason) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.auditReason = auditReason;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    /** The cause for the audit log; more precise than {@link #reason()} where the caller must not learn it. */
    public String auditReason() {
        return auditReason;
    }
}
