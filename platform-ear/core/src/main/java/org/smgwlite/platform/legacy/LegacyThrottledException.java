package org.smgwlite.platform.legacy;

import java.time.Duration;
import org.smgwlite.platform.shared.DomainException;

/** Too many refused SMGW.Lite requests for a device id or from an address: answered 429 until {@link #retryAfter()}. */
public final class LegacyThrottledException extends DomainException {

    private final Duration retryAfter;

    public LegacyThrottledException(String who, Duration retryAfter) {
        super("too many refused requests for " + who + "; try again in " + retryAfter.toSeconds() + " s");
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
