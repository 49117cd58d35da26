package org.smgwlite.pki;

/** A public key whose type or curve the Wirk-PKI does not certify (RSA, P-192, a curve outside the policy). */
public final class UnsupportedKeyException extends PkiException {

    public UnsupportedKeyException(String message) {
        super(message);
    }
}
