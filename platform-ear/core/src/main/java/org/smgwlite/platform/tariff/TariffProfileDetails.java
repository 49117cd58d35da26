package org.smgwlite.platform.tariff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A tariff profile with its whole history.
 *
 * @param version    the row version for a rename (optimistic locking)
 * @param versions   oldest first
 * @param households how many households of the tenant are billed by it
 */
public record TariffProfileDetails(long id, String name, long version, Instant createdAt, List<ProfileVersion> versions,
                                   long households) {

    public TariffProfileDetails {
        versions = List.copyOf(versions);
    }

    /** The version that applies on {@code date}, if any. */
    public Optional<ProfileVersion> versionOn(LocalDate date) {
        return versions.stream().filter(v -> !v.validFrom().isAfter(date)).reduce((a, b) -> b);
    }
}
