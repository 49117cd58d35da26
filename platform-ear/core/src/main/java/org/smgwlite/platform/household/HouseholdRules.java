package org.smgwlite.platform.household;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The rules a household's fields obey, in one place: the entity enforces them on every change
 * and the operator's form shows the same messages next to its fields before it submits.
 */
public final class HouseholdRules {

    /**
     * Messlokation id (metering point id, "MaLo/MeLo-ID" in the 33-character form): {@code DE},
     * then 31 digits or capital letters (network operator number, postal code, counter).
     */
    private static final Pattern MESSLOKATION = Pattern.compile("DE[0-9A-Z]{31}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    /** Meter id as printed on the meter, e.g. the 14-character E-DIN 43863-5 form {@code 1EMH0012345678}. */
    private static final Pattern METER_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z .-]{0,39}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private HouseholdRules() {
    }

    public static Optional<String> checkName(String value) {
        return text(value, 200);
    }

    public static Optional<String> checkStreet(String value) {
        return text(value, 200);
    }

    public static Optional<String> checkCity(String value) {
        return text(value, 100);
    }

    public static Optional<String> checkPostalCode(String value) {
        return matches(value, POSTAL_CODE, "must be a German postal code of 5 digits");
    }

    public static Optional<String> checkMesslokationId(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() != 33) {
            return Optional.of("must be 33 characters, has " + v.length());
        }
        if (!v.startsWith("DE")) {
            return Optional.of("must start with DE");
        }
        return matches(v, MESSLOKATION, "after DE only digits and capital letters are allowed");
    }

    public static Optional<String> checkMeterId(String value) {
        return matches(value, METER_ID, "must be 1 to 40 letters, digits, spaces, '.' or '-'");
    }

    public static Optional<String> checkViewerUsername(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return matches(value, USERNAME, "must be a Keycloak username (letters, digits, . _ @ -)");
    }

    /** Checks every field and throws one exception listing each offending field. */
    public static void validate(HouseholdDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkName(d.name()).ifPresent(m -> errors.put("name", m));
        checkStreet(d.street()).ifPresent(m -> errors.put("street", m));
        checkPostalCode(d.postalCode()).ifPresent(m -> errors.put("postalCode", m));
        checkCity(d.city()).ifPresent(m -> errors.put("city", m));
        checkMesslokationId(d.messlokationId()).ifPresent(m -> errors.put("messlokationId", m));
        checkMeterId(d.meterId()).ifPresent(m -> errors.put("meterId", m));
        checkViewerUsername(d.viewerUsername()).ifPresent(m -> errors.put("viewerUsername", m));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Optional<String> text(String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.of("must not be empty");
        }
        return v.length() > max ? Optional.of("must be at most " + max + " characters") : Optional.empty();
    }

    private static Optional<String> matches(String value, Pattern pattern, String message) {
        String v = value == null ? "" : value.strip();
        return pattern.matcher(v).matches() ? Optional.empty() : Optional.of(message);
    }
}
