package org.smgwlite.platform.household;

/**
 * What an operator types for a household, before the rules in {@link HouseholdRules} accepted it.
 * Blank optional fields may be {@code null} or empty.
 */
public record HouseholdDraft(
        String name,
        String street,
        String postalCode,
        String city,
        String messlokationId,
        String meterId,
        String viewerUsername) {
}
