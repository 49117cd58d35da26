package org.smgwlite.platform.shared;

/** The change collides with the current state (a duplicate key, a concurrent edit). */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
