package org.smgwlite.agent.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a gateway uploads: once a day after UTC midnight, plus a delay fixed per gateway (SHA-256 of its id,
 * spread evenly over {@code window}), so that a fleet does not arrive at the same second.
 */
public final class SpreadDelay {

    private final Duration offset;

    public SpreadDelay(String gatewayId, Duration minimum, Duration window) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(gatewayId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (h[i] & 0xff);
            }
            this.offset = minimum.plusSeconds(Math.floorMod(bits, Math.max(1, window.toSeconds())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delay after midnight, the same on every call and every restart. */
    public Duration offset() {
        return offset;
    }

    /** The next upload time strictly after {@code now}. */
    public Instant nextAfter(Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(offset);
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    }
}
