package org.smgwlite.platform.certificate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an operator needs to know about one certificate now: revoked, expired, due for renewal, or fine. The one rule
 * is {@link #of}; the certificate list, the tenant-wide renewal list and the REST answers all use it.
 */
public enum CertificateStatus {
    /** Revoked: on the CRL, refused by the device port. */
    REVOKED,
    /** Past its notAfter and not revoked: the gateway did not renew in time. */
    EXPIRED,
    /** Valid, but ends within {@link #RENEWAL_WINDOW}: the gateway should renew now. */
    EXPIRING,
    /** Its notBefore is still ahead (a clock far off, or a certificate issued for later). */
    NOT_YET_VALID,
    VALID;

    /** How long before its notAfter a certificate is listed for renewal. */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

    public static CertificateStatus of(Optional<Instant> revokedAt, Instant notBefore, Instant notAfter, Instant now) {
        if (revokedAt.isPresent()) {
            return REVOKED;
        }
        if (!now.isBefore(notAfter)) {
            return EXPIRED;
        }
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        return Duration.between(now, notAfter).compareTo(RENEWAL_WINDOW) <= 0 ? EXPIRING : VALID;
    }

    /** Listed first: the operator has to act on these. */
    public boolean needsAction() {
        return this == EXPIRED || this == EXPIRING;
    }
}
