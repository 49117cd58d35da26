package org.smgwlite.platform.tariff;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Common German two-rate tariffs, for the demo tenant and as the form's starting point. */
public final class StandardProfiles {

    /** The demo profile's name. */
    public static final String HT_NT = "HT/NT";

    private StandardProfiles() {
    }

    /** HT (Hochtarif, peak) Monday to Friday 06:00-22:00, NT (Niedertarif, off-peak) all other times. */
    public static List<ZoneRule> htNt() {
        Set<DayOfWeek> workdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        return List.of(
                ZoneRule.of("HT", workdays, "06:00", "22:00"),
                ZoneRule.of("NT", workdays, "00:00", "06:00"),
                ZoneRule.of("NT", workdays, "22:00", "24:00"),
                ZoneRule.of("NT", weekend, "00:00", "24:00"));
    }
}
