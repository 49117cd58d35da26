package org.smgwlite.devstack.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A time the simulated meter sends no telegram (an optical head knocked loose): the registers keep counting, the
 * agent sees nothing, so the quarter hours strictly between {@code from} and {@code to} reach the platform as gaps.
 * Both ends lie on quarter hours, so the slots at {@code from} and {@code to} keep their true readings.
 */
record MeterOutage(Instant from, Instant to) {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Whether the meter is silent at {@code t}. */
    boolean silences(Instant t) {
        return t.isAfter(from) && t.isBefore(to);
    }

    /**
     * The demo household's gaps on the local day {@code day} (Europe/Berlin): one hour (17:00-18:00, filled linearly)
     * and six hours (06:00-12:00, filled along the weekday profile when a week of history lies before it).
     */
    static List<MeterOutage> demoDay(LocalDate day) {
        return List.of(local(day, "06:00", "12:00"), local(day, "17:00", "18:00"));
    }

    private static MeterOutage local(LocalDate day, String from, String to) {
        return new MeterOutage(day.atTime(LocalTime.parse(from)).atZone(BERLIN).toInstant(),
                day.atTime(LocalTime.parse(to)).atZone(BERLIN).toInstant());
    }
}
