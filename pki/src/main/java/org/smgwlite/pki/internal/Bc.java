package org.smgwlite.pki.internal;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The module's one Bouncy Castle provider instance, passed explicitly to every builder and converter, and
 * the one Bouncy Castle JSSE instance (computing with {@link #PROVIDER}) behind every device-port TLS context.
 * Neither is ever registered with {@code Security.addProvider}: inside Payara a global provider would change
 * algorithm resolution for every other application.
 */
public final class Bc {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    /** TLS with brainpool: JDK 17's SunJSSE/SunEC have no brainpool named groups, signature schemes or arithmetic. */
    public static final Provider JSSE = new BouncyCastleJsseProvider(PROVIDER);

    private Bc() {
    }
}
