package org.smgwlite.platform.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a gateway stands in its lifecycle, as the operator's list shows it. The one rule is {@link #of}; the list, the
 * REST answer and any filter ask it rather than deciding again.
 */
public enum GatewayState {
    /** Registered by the operator, no certificate issued yet (waiting for enrollment with its code). */
    REGISTERED,
    /** Holds a certificate but never uploaded. */
    ENROLLED,
    /** Uploaded within the last {@link #SILENCE}. */
    ACTIVE,
    /** Its last upload is older than {@link #SILENCE}. */
    SILENT,
    /** Replaced on purpose, or every certificate it got is revoked: the device port refuses it. */
    REVOKED;

    /** How long a gateway may go without an upload before it counts as silent; it uploads at least daily. */
    public static final Duration SILENCE = Duration.ofDays(1);

    /**
     * @param retired               replaced by another gateway of its household
     * @param certificates          how many certificates it was ever issued
     * @param unrevokedCertificates how many of them are not revoked
     * @param lastUpload            when its newest reading batch arrived, if ever
     */
    public static GatewayState of(boolean retired, long certificates, long unrevokedCertificates, Optional<Instant> lastUpload,
                                  Instant now) {
        if (unrevokedCertificates < 0 || unrevokedCertificates > certificates) {
            throw new IllegalArgumentException("unrevoked certificates " + unrevokedCertificates + " of " + certificates);
        }
        if (retired || certificates > 0 && unrevokedCertificates == 0) {
            return REVOKED;
        }
        if (certificates == 0) {
            return REGISTERED;
        }
        return lastUpload.map(at -> Duration.between(at, now).compareTo(SILENCE) > 0 ? SILENT : ACTIVE).orElse(ENROLLED);
    }
}
