package org.smgwlite.pki.enrollment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform keeps of an enrollment code: the hash (never the code), its expiry and when it was used.
 * Single use is enforced by the platform's database (set {@code used_at} only where it is still null, in the
 * same transaction as the issuance); this record lets {@link EnrollmentCodes#verify} refuse what is already known.
 */
public record StoredEnrollmentCode(String hash, Instant expiresAt, Optional<Instant> usedAt) {

    public StoredEnrollmentCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
    }
}
