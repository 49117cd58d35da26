package org.smgwlite.pki.keystore;

import org.smgwlite.pki.PkiException;

/** An encrypted private key that cannot be opened: wrong secret, or not an encrypted PKCS#8 key. */
public final class KeyDecryptionException extends PkiException {

    public KeyDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
