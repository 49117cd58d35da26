package org.smgwlite.platform.metering.mscons;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;

/**
 * Date/time format 303 (CCYYMMDDHHMMZZZ) of DTM segments: the platform writes UTC with offset {@code +00} (the
 * {@code +} is escaped as {@code ?+} by the EDIFACT writer); reading accepts any whole-hour offset.
 */
final class MsconsTime {

    static final String FORMAT = "303";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private MsconsTime() {
    }

    static String format(Instant instant) {
        if (instant.getEpochSecond() % 60 != 0 || instant.getNano() != 0) {
            throw new IllegalArgumentException("format 303 holds whole minutes, not " + instant);
        }
        return MINUTES.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "+00";
    }

    /** @throws IllegalArgumentException when {@code value} is not CCYYMMDDHHMM followed by a sign and two digits */
    static Instant parse(String value) {
        if (value == null || value.length() != 15 || value.charAt(12) != '+' && value.charAt(12) != '-') {
            throw new IllegalArgumentException("not a format 303 time (CCYYMMDDHHMM+ZZ): '" + value + "'");
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value.substring(0, 12), MINUTES);
            int hours = Integer.parseInt(value.substring(13));
            return local.toInstant(ZoneOffset.ofHours(value.charAt(12) == '-' ? -hours : hours));
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("not a format 303 time (CCYYMMDDHHMM+ZZ): '" + value + "'", e);
        }
    }
}
