package org.smgwlite.platform.rest.readings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.smgwlite.platform.shared.InvalidInputException;

/** The {@code format} of a readings answer: its media type and file extension. */
public enum ReadingsFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json; charset=UTF-8", "json"),
    /** EDIFACT; IANA's media type for it. */
    MSCONS("application/EDIFACT", "edi");

    private final String mediaType;
    private final String extension;

    ReadingsFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * csv, json or mscons in any case; none or blank is JSON, like the API's other endpoints.
     *
     * @throws InvalidInputException on field {@code format} listing the allowed values
     */
    public static ReadingsFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "must be one of " + Arrays.stream(values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
    }
}
