package org.smgwlite.platform.shared;

/** Base of the platform's domain failures; interface layers map each subtype to a status. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
