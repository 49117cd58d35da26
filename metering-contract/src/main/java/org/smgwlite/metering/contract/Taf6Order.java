package org.smgwlite.metering.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A TAF 6 request as the platform hands it to a gateway: "take a register reading now, for this reason, and answer
 * with request id {@code id} on the TAF 6 lines of a signed batch" ({@link BatchValue#requestId()}).
 *
 * @param id          the platform's request id, positive
 * @param requestedAt when the operator asked (UTC)
 * @param reason      why, one line of at most {@value #MAX_REASON} characters, never blank (e.g. "Zählerwechsel" —
 *                    meter change)
 */
public record Taf6Order(long id, Instant requestedAt, String reason) {

    /** Longest reason, in characters: the database column and the agent's journal agree on it. */
    public static final int MAX_REASON = 200;

    public Taf6Order {
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (id <= 0) {
            throw new IllegalArgumentException("request id must be positive, was " + id);
        }
        String broken = reasonProblem(reason);
        if (broken != null) {
            throw new IllegalArgumentException(broken);
        }
    }

    /**
     * The one rule for a TAF 6 reason, for the platform's form and API and for the gateway: what is wrong with it,
     * or {@code null} if it is fine.
     */
    public static String reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "a TAF 6 reading needs a reason";
        }
        if (reason.length() > MAX_REASON || reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "a TAF 6 reason must be one line of at most " + MAX_REASON + " characters";
        }
        return null;
    }
}
