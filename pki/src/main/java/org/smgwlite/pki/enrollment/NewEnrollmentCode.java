package org.smgwlite.pki.enrollment;

import java.time.Instant;

/** A freshly generated code: show {@link #code()} to the operator once, store {@link #stored()}. */
public record NewEnrollmentCode(EnrollmentCode code, StoredEnrollmentCode stored) {

    public Instant expiresAt() {
        return stored.expiresAt();
    }
}
