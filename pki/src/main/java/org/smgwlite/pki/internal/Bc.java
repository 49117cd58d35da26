package org.smgwlite.pki.internal;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The module's one Bouncy Castle provider instance, passed explicitly to every builder and converter.
 * Never registered with {@code Security.addProvider}: inside Payara a global provider would change
 * algorithm resolution for every other application.
 */
public final class Bc {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
