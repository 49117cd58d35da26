package org.smgwlite.pki.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.smgwlite.pki.PkiFailure;

/**
 * The device port's TLS context on Payara, on Bouncy Castle JSSE ({@link DevicePortTls#listener}), built from the
 * listener's own key and trust stores as Grizzly hands them over (its attribute names: {@code keystore},
 * {@code keystorePass}, {@code keyAlias}, {@code truststore}, {@code truststorePass}).
 *
 * <p>Payara's glue class lives in the server's class loader and loads this class from an isolated class loader of
 * its own (the pki and Bouncy Castle jars of the device port's library directory, never visible to applications),
 * so the two meet only in JDK types: a {@code Function<Map<String, String>, SSLContext>}.
 */
public final class ListenerContexts implements Function<Map<String, String>, SSLContext> {

    /** Instantiated by name. */
    public ListenerContexts() {
    }

    /**
     * @throws PkiFailure naming the store or attribute that is missing or unreadable
     */
    @Override
    public SSLContext apply(Map<String, String> attributes) {
        KeyStore keys = load(attributes, "keystore", "keystorePass");
        KeyStore trust = load(attributes, "truststore", "truststorePass");
        char[] password = required(attributes, "keystorePass").toCharArray();
        try {
            String alias = attributes.get("keyAlias");
            if (alias == null || alias.isBlank()) {
                alias = firstKeyAlias(keys);
            }
            if (!(keys.getKey(alias, password) instanceof PrivateKey key)) {
                throw new PkiFailure("device port key store " + attributes.get("keystore") + " has no private key '" + alias + "'", null);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : keys.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            List<X509Certificate> roots = new ArrayList<>();
            for (String a : Collections.list(trust.aliases())) {
                if (trust.getCertificate(a) instanceof X509Certificate root) {
                    roots.add(root);
                }
            }
            return DevicePortTls.listener(key, chain, roots);
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("device port key store " + attributes.get("keystore") + " cannot be read", e);
        }
    }

    private static KeyStore load(Map<String, String> attributes, String file, String password) {
        String path = required(attributes, file);
        try {
            return KeyStore.getInstance(Path.of(path).toFile(), required(attributes, password).toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiFailure("device port " + file + " " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null || value.isBlank()) {
            throw new PkiFailure("the device port listener has no " + name + " configured", null);
        }
        return value;
    }

    private static String firstKeyAlias(KeyStore keys) throws GeneralSecurityException {
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new PkiFailure("the device port key store holds no key", null);
    }
}
