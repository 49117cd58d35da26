package org.smgwlite.platform.tariff;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A profile's versions as one calendar: a quarter hour's zone comes from the newest version whose date is on or before
 * the quarter hour's local date, looked up by weekday and local time (the autumn's repeated hour is read twice, the
 * spring's missing one never). The zones are those of all versions, in the order they first appear (oldest version
 * first), so that indexes stay comparable across a version change.
 */
public final class VersionedCalendar implements TariffCalendar {

    /** The calendar of a household without a profile: no zones, every quarter hour {@link #NO_ZONE}. */
    public static final TariffCalendar NONE = new VersionedCalendar(null, List.of());

    private final String profileName;
    private final List<String> zones;
    private final LocalDate[] validFrom;
    private final WeekTable[] tables;
    /** Per version: its own zone index to the index in {@link #zones}. */
    private final int[][] toCalendarZone;

    public VersionedCalendar(String profileName, List<ProfileVersion> versions) {
        List<ProfileVersion> sorted = versions.stream().sorted(Comparator.comparing(ProfileVersion::validFrom)).toList();
        this.profileName = profileName;
        List<String> all = new ArrayList<>();
        sorted.forEach(v -> v.zones().stream().filter(z -> !all.contains(z)).forEach(all::add));
        this.zones = List.copyOf(all);
        this.validFrom = sorted.stream().map(ProfileVersion::validFrom).toArray(LocalDate[]::new);
        this.tables = sorted.stream().map(ProfileVersion::table).toArray(WeekTable[]::new);
        this.toCalendarZone = sorted.stream()
                .map(v -> v.zones().stream().mapToInt(zones::indexOf).toArray())
                .toArray(int[][]::new);
    }

    @Override
    public List<String> zones() {
        return zones;
    }

    @Override
    public int zoneOf(LocalDateTime start) {
        int minute = start.getHour() * 60 + start.getMinute();
        if (minute % 15 != 0 || start.getSecond() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException(start + " is not the start of a quarter hour");
        }
        LocalDate date = start.toLocalDate();
        for (int v = validFrom.length - 1; v >= 0; v--) {
            if (!validFrom[v].isAfter(date)) {
                return toCalendarZone[v][tables[v].zoneAt(date.getDayOfWeek(), minute / 15)];
            }
        }
        return NO_ZONE;
    }

    @Override
    public String profileName() {
        return profileName;
    }
}
