package org.smgwlite.platform.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that breaks a domain rule. Carries one message per offending field so that a form can
 * show each next to its field and a REST client gets them all at once; nothing was saved.
 */
public class InvalidInputException extends DomainException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    /** Field name to message, in the order the fields were checked. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ", "invalid input: ", ""));
    }
}
