package org.smgwlite.platform.certificate;

import java.time.Duration;
import org.smgwlite.platform.shared.DomainException;

/** Too many failed enrollments for a gateway id or from an address: nothing is tried until {@link #retryAfter()}. */
public class EnrollmentThrottledException extends DomainException {

    private final Duration retryAfter;

    public EnrollmentThrottledException(String who, Duration retryAfter) {
        super("too many failed enrollment attempts for " + who + "; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** For an HTTP {@code Retry-After} header: whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
