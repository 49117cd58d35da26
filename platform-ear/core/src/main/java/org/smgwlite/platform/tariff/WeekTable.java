package org.smgwlite.platform.tariff;

import java.time.DayOfWeek;
import java.util.List;

/**
 * A profile version compiled: for each weekday and each of its 96 quarter hours the index of its zone in
 * {@link #zones()}. Made only by {@link TariffRules#compile}, so every cell holds exactly one zone.
 */
public final class WeekTable {

    /** Quarter hours in a local day of the table (a DST day's repeated or missing hour maps by local time). */
    public static final int QUARTERS = 96;

    private final List<String> zones;
    private final byte[] cells;

    WeekTable(List<String> zones, byte[] cells) {
        this.zones = List.copyOf(zones);
        this.cells = cells.clone();
    }

    /** Zone names in the order their first rule was given. */
    public List<String> zones() {
        return zones;
    }

    /** The index into {@link #zones()} of quarter hour {@code quarter} (0 = 00:00-00:15) of {@code day}. */
    public int zoneAt(DayOfWeek day, int quarter) {
        return cells[(day.getValue() - 1) * QUARTERS + quarter];
    }
}
