package org.smgwlite.agent.upload;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The platform answered "not now" (503 while its database is down, 429): nothing is wrong with the request, the
 * caller keeps what it wanted to send and comes back, not before {@link #retryAfter()} if the platform said when.
 */
public final class PlatformBusyException extends IOException {

    private final transient Optional<Duration> retryAfter;

    public PlatformBusyException(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Whether a status means "come back later" rather than "this request is wrong". */
    static boolean isBusy(int status) {
        return status == 503 || status == 429;
    }

    /**
     * An HTTP {@code Retry-After} header (RFC 9110 10.2.3): delay-seconds, or an HTTP-date taken against {@code now};
     * empty when absent, unreadable, or in the past.
     */
    static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() || until.isZero() ? Optional.empty() : Optional.of(until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
