package org.smgwlite.platform.tariff;

import java.time.LocalDate;
import java.util.List;

/**
 * A row of the profile list.
 *
 * @param currentFrom  the date the version in force today applies from; null if the first version starts later
 * @param currentZones that version's zones (empty if none)
 * @param latestFrom   the date of the newest version (later than {@code currentFrom} when a change is planned)
 */
public record TariffProfileSummary(long id, String name, int versions, LocalDate currentFrom, List<String> currentZones,
                                   LocalDate latestFrom, long households) {
}
