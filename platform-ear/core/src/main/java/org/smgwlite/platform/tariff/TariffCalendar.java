package org.smgwlite.platform.tariff;

import java.time.LocalDateTime;
import java.util.List;

/** Which tariff zone a quarter hour belongs to, for one household over a range; profile versions applied by date. */
public interface TariffCalendar {

    /** What {@link #zoneOf} answers for a quarter hour no version covers (before the first one, or no profile). */
    int NO_ZONE = -1;

    /** Zone names in display order (e.g. HT, NT). Empty when the household has no tariff profile. */
    List<String> zones();

    /**
     * Index into zones() of the quarter hour starting at local date/time {@code start} (on a quarter hour);
     * {@link #NO_ZONE} on a date before the profile's first version, or without a profile.
     *
     * @throws IllegalArgumentException if {@code start} is not on a quarter hour
     */
    int zoneOf(LocalDateTime start);

    /** The profile's name, or null when none. */
    String profileName();
}
