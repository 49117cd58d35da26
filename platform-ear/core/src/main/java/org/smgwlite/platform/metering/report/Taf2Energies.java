package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smgwlite.platform.metering.query.IntervalSeries;

/**
 * TAF 2 (time-of-use registers) of one register over a month, exact in Wh: each quarter hour whose energy rests on two
 * true readings with PTB level 0-2 counts for the tariff zone it starts in; every other quarter hour with a value (a
 * substitute, or PTB level 3-4) counts for the error register. Invariant, checked on every calculation: zones + error
 * register = total, the energy of every quarter hour with a value. Quarter hours without a value count as
 * {@code missing}, in no register.
 */
public record Taf2Energies(String profileName, List<ZoneEnergy> zones, BigDecimal errorWh, BigDecimal totalWh,
                           int missing) {

    /** The worst PTB level whose interval still counts for its zone; 3 and 4 go to the error register. */
    static final int MAX_TARIFFED_PTB = 2;

    public Taf2Energies {
        zones = List.copyOf(zones);
    }

    /** TAF 2 of {@code month}'s series with the zones of {@code grid} (same quarter hours). */
    public static Taf2Energies of(IntervalSeries month, ZoneGrid grid) {
        int n = month.size();
        if (grid.size() != n) {
            throw new IllegalArgumentException("zone grid has " + grid.size() + " quarter hours, the series " + n);
        }
        BigDecimal[] perZone = new BigDecimal[grid.zones().size()];
        Arrays.fill(perZone, BigDecimal.ZERO);
        BigDecimal error = BigDecimal.ZERO;
        int missing = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal e = month.energyWh(i);
            if (e == null) {
                missing++;
            } else if (month.substituteMethod(i) != null || month.ptbLevel(i) > MAX_TARIFFED_PTB) {
                error = error.add(e);
            } else {
                int z = grid.zoneOf(i);
                perZone[z] = perZone[z].add(e);
            }
        }
        List<ZoneEnergy> zones = new ArrayList<>(perZone.length);
        BigDecimal sum = error;
        for (int z = 0; z < perZone.length; z++) {
            zones.add(new ZoneEnergy(grid.zones().get(z), perZone[z]));
            sum = sum.add(perZone[z]);
        }
        BigDecimal total = month.energyWhSum(0, n);
        if (sum.compareTo(total) != 0) {
            throw new IllegalStateException("TAF 2 of " + month.register() + " from " + month.intervalStart(0)
                    + ": zones + error register = " + sum + " Wh, but the quarter hours sum to " + total + " Wh");
        }
        return new Taf2Energies(grid.profileName(), zones, error, total, missing);
    }

    /** The energy of zone {@code name}, or null when the profile has no such zone. */
    public BigDecimal zone(String name) {
        return zones.stream().filter(z -> z.zone().equals(name)).map(ZoneEnergy::energyWh).findFirst().orElse(null);
    }
}
