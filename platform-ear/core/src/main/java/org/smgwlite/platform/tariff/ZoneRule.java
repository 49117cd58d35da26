package org.smgwlite.platform.tariff;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/**
 * One window of a tariff zone: the zone's name, the weekdays, and the local time of day from {@code fromMinute}
 * (inclusive) to {@code toMinute} (exclusive), in minutes after midnight; 1440 is 24:00, the end of the day. A zone may
 * have several rules (NT before 06:00 and after 22:00). Whether the rules of a profile version fit together is
 * {@link TariffRules}' business; this is the plain value.
 */
public record ZoneRule(String zone, Set<DayOfWeek> days, int fromMinute, int toMinute) {

    /** Minutes in a day; as an end, 24:00. */
    public static final int DAY = 1440;

    public ZoneRule {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** A rule from text times {@code HH:mm} ({@code 24:00} allowed), e.g. {@code ("HT", days, "06:00", "22:00")}. */
    public static ZoneRule of(String zone, Set<DayOfWeek> days, String from, String to) {
        return new ZoneRule(zone, days, DayTimes.minuteOf("from", from), DayTimes.minuteOf("to", to));
    }

    public String from() {
        return DayTimes.text(fromMinute);
    }

    public String to() {
        return DayTimes.text(toMinute);
    }

    /** The weekdays as a bit set, bit 0 Monday to bit 6 Sunday (column {@code tariff_zone_rule.days}). */
    public int dayBits() {
        int bits = 0;
        for (DayOfWeek d : days) {
            bits |= 1 << (d.getValue() - 1);
        }
        return bits;
    }

    /** The weekdays of a bit set written by {@link #dayBits()}. */
    public static Set<DayOfWeek> daysOf(int bits) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((bits & (1 << (d.getValue() - 1))) != 0) {
                days.add(d);
            }
        }
        return days;
    }
}
