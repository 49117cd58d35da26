package org.smgwlite.platform.tariff;

import java.time.LocalDateTime;
import java.util.List;

/** Which tariff zone a quarter hour belongs to, for one household over a range; profile versions applied by date. */
public interface TariffCalendar {
    /** Zone names in display order (e.g. HT, NT). Empty when the household has no tariff profile. */
    List<String> zones();
    /** Index into zones() of the quarter hour starting at local date/time {@code start} (on a quarter hour). */
    int zoneOf(LocalDateTime start);
    /** The profile's name, or null when none. */
    String profileName();
}
