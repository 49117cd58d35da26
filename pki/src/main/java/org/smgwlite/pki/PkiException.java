package org.smgwlite.pki;

/**
 * Root of the module's failures. Subclasses say which input was refused and why, so that the platform can
 * map them to a 4xx (caller's fault) or a 5xx (ours) without parsing messages.
 */
public abstract class PkiException extends RuntimeException {

    protected PkiException(String message) {
        super(message);
    }

    protected PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
