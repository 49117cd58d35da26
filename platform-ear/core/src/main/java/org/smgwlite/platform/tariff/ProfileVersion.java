package org.smgwlite.platform.tariff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a tariff profile: its rules apply from {@code validFrom} (a local date, Europe/Berlin) until the next
 * version's date. Never edited once stored; a change is a new version.
 *
 * @param id    0 for a version not stored yet
 * @param table the rules compiled ({@link TariffRules#compile})
 */
public record ProfileVersion(long id, LocalDate validFrom, Instant createdAt, String createdBy, List<ZoneRule> rules,
                             WeekTable table) {

    public ProfileVersion {
        rules = List.copyOf(rules);
    }

    /** The zone names of this version, in display order. */
    public List<String> zones() {
        return table.zones();
    }
}
