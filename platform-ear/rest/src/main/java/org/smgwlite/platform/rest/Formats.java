package org.smgwlite.platform.rest;

import org.smgwlite.platform.shared.InvalidInputException;

/** The {@code format} query parameter of the endpoints that answer JSON or, on request, one other format. */
public final class Formats {

    private Formats() {
    }

    /**
     * Whether {@code format} asks for {@code other} rather than JSON (none, blank or {@code json}); any case.
     *
     * @throws InvalidInputException on field {@code format} for anything else
     */
    public static boolean asks(String format, String other) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
            return false;
        }
        if (format.strip().equalsIgnoreCase(other)) {
            return true;
        }
        throw new InvalidInputException("format", "must be json or " + other + ", was '" + format + "'");
    }
}
