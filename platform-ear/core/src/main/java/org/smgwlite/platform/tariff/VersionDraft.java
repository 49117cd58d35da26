package org.smgwlite.platform.tariff;

import java.time.LocalDate;
import java.util.List;

/** A profile version as an operator enters it, before {@link TariffRules} and {@link VersionDates} accepted it. */
public record VersionDraft(LocalDate validFrom, List<ZoneRule> rules) {

    public VersionDraft {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
