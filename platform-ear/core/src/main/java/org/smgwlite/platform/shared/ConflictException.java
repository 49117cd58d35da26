package org.smgwlite.platform.shared;

import java.util.Optional;

/**
 * The change collides with the current state (a duplicate key, a concurrent edit). Where one input field caused it
 * (a gateway id that is taken), the exception names it, so that a form shows the message on that field and a REST
 * client finds it in the error body's {@code fields}.
 */
public class ConflictException extends DomainException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field whose value collides, if one does. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
