package org.smgwlite.platform.metering.substitute;

import java.util.Locale;

/**
 * How a substitute value was made; its lower-case {@link #word()} is what the table, the series and the CSV status
 * ({@code substitute:<word>}) carry.
 */
public enum SubstituteMethod {
    /** Straight line between the two true register values around the gap (gaps of up to {@link GapRules#LINEAR_MAX_INTERVALS}). */
    LINEAR,
    /** The known register difference spread along the household's same-weekday profile of the last four weeks. */
    PROFILE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubstituteMethod ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
