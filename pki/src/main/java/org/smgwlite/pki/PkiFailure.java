package org.smgwlite.pki;

/**
 * A failure on our side (a broken CA key, a provider that cannot sign): never the caller's fault,
 * so the platform maps it to a 5xx.
 */
public final class PkiFailure extends PkiException {

    public PkiFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
