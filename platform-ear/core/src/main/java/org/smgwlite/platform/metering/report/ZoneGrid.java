package org.smgwlite.platform.metering.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.tariff.TariffCalendar;

/**
 * The tariff zone of every quarter hour of a month, asked of a {@link TariffCalendar} once per month (at the local
 * time the quarter hour starts), so that summing a household's month is array work. A quarter hour no profile version
 * covers ({@link TariffCalendar#NO_ZONE}: before the profile's first version) counts for one more zone,
 * {@value #NO_ZONE_NAME}, listed last and only when it occurs, so that zones + error register still make the total.
 */
public final class ZoneGrid {

    /** The zone of quarter hours no version of the profile covers. */
    public static final String NO_ZONE_NAME = "no tariff";

    private final String profileName;
    private final List<String> zones;
    private final byte[] zoneOf;

    private ZoneGrid(String profileName, List<String> zones, byte[] zoneOf) {
        this.profileName = profileName;
        this.zones = zones;
        this.zoneOf = zoneOf;
    }

    /** The local start of each of {@code month}'s quarter hours, shared by every calendar of a run. */
    public static LocalDateTime[] localStarts(BillingMonth month) {
        LocalDateTime[] starts = new LocalDateTime[month.quarterHours()];
        Instant start = month.start();
        for (int i = 0; i < starts.length; i++) {
            starts[i] = LocalDateTime.ofInstant(start.plusSeconds(900L * i), CurveRange.BERLIN);
        }
        return starts;
    }

    /**
     * The zones of {@code calendar} over the quarter hours starting at {@code localStarts}; null when the calendar has
     * no zones (no tariff profile: there is no TAF 2 to report).
     */
    public static ZoneGrid of(TariffCalendar calendar, LocalDateTime[] localStarts) {
        if (calendar == null || calendar.zones().isEmpty()) {
            return null;
        }
        List<String> zones = new ArrayList<>(calendar.zones());
        if (zones.size() >= Byte.MAX_VALUE) {
            throw new IllegalStateException("tariff profile " + calendar.profileName() + " has " + zones.size()
                    + " zones, at most " + (Byte.MAX_VALUE - 1) + " are supported");
        }
        int defined = zones.size();
        byte[] zoneOf = new byte[localStarts.length];
        for (int i = 0; i < localStarts.length; i++) {
            int z = calendar.zoneOf(localStarts[i]);
            if (z == TariffCalendar.NO_ZONE) {
                if (zones.size() == defined) {
                    zones.add(NO_ZONE_NAME);
                }
                z = defined;
            } else if (z < 0 || z >= defined) {
                throw new IllegalStateException("tariff profile " + calendar.profileName() + " gave zone " + z
                        + " for " + localStarts[i] + ", it has " + defined);
            }
            zoneOf[i] = (byte) z;
        }
        return new ZoneGrid(calendar.profileName(), List.copyOf(zones), zoneOf);
    }

    public String profileName() {
        return profileName;
    }

    public List<String> zones() {
        return zones;
    }

    public int zoneOf(int interval) {
        return zoneOf[interval];
    }

    public int size() {
        return zoneOf.length;
    }
}
