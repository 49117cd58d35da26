package org.smgwlite.platform.tariff;

import java.time.LocalDate;
import java.util.Collection;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * From which date a new profile version may apply. The first version of a profile may start on any date (an operator
 * records the tariff a household has had for a while); a later one starts today or later, so that a day already
 * billed keeps its zones, and on a date no other version of the profile starts.
 */
public final class VersionDates {

    private VersionDates() {
    }

    /** @throws InvalidInputException on {@code validFrom} if missing, in the past for a change, or taken */
    public static LocalDate check(LocalDate validFrom, Collection<LocalDate> existing, LocalDate today) {
        if (validFrom == null) {
            throw new InvalidInputException("validFrom", "is required (YYYY-MM-DD)");
        }
        if (!existing.isEmpty() && validFrom.isBefore(today)) {
            throw new InvalidInputException("validFrom", "a change applies from today (" + today
                    + ") or later, was " + validFrom + ": the history of billed days is kept");
        }
        if (existing.contains(validFrom)) {
            throw new InvalidInputException("validFrom", "the profile has a version from " + validFrom
                    + " already; versions are never edited, choose another date");
        }
        return validFrom;
    }
}
