package org.smgwlite.platform.infra;

import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long a caller is told to wait while the database is unavailable ({@link DatabaseUnavailable}): the setting
 * {@value #SETTING} (seconds, default {@value #DEFAULT_SECONDS}), plus up to half of it again at random, so that a
 * fleet turned away at the same moment does not come back at the same second.
 *
 * @param seconds the configured wait, at least 1
 */
public record RetryAfter(int seconds) {

    public static final String SETTING = "smgw.db.retry-after-seconds";
    public static final int DEFAULT_SECONDS = 30;

    public RetryAfter {
        if (seconds < 1) {
            throw new IllegalArgumentException(SETTING + " must be at least 1 second, is " + seconds);
        }
    }

    /** From MicroProfile Config (no CDI needed: exception mappers and UI handlers read it). */
    public static RetryAfter current() {
        return from(ConfigProvider.getConfig());
    }

    static RetryAfter from(Config config) {
        return new RetryAfter(config.getOptionalValue(SETTING, Integer.class).orElse(DEFAULT_SECONDS));
    }

    /** The wait to announce: {@code seconds} to {@code seconds * 1.5}, uniformly. */
    public int jittered(RandomGenerator random) {
        return seconds + random.nextInt(seconds / 2 + 1);
    }
}
