package org.smgwlite.platform.metering.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The period a household's page opens on: the one that holds the last complete local day, the day whose closing
 * midnight reading has arrived. Readings come day-after, so "today's week" would be mostly future; this opens on data.
 * A day span is that day; a week or month is the one holding it (complete when the newest reading closed it, else the
 * part so far, the rest pending, see {@link ExpectedSlots}). A household without readings opens on today's period.
 */
public final class OpeningPeriod {

    private OpeningPeriod() {
    }

    /** The last local day whose every interval could have a value, by the newest reading (never later than now). */
    public static LocalDate lastCompleteDay(Optional<Instant> newestReading, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return newestReading
                .map(newest -> newest.isAfter(now) ? now : newest)
                .map(newest -> LocalDate.ofInstant(newest, zone).minusDays(1))
                .orElse(today);
    }

    public static CurveRange of(CurveRange.Span span, Optional<Instant> newestReading, Instant now, ZoneId zone) {
        return CurveRange.around(lastCompleteDay(newestReading, now, zone), span, zone);
    }
}
