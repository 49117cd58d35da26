package org.smgwlite.pki.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.internal.Bc;

/**
 * Builds the TLS endpoints of the device port. Only TLS 1.3 and 1.2, and only the AES-GCM suites with
 * ECDHE key exchange and ECDSA authentication that TR-03116-3 lists. The server demands a client certificate;
 * a gateway trusts only the platform root it was given, also for its first enrollment
 * ({@link #serverAuthenticated}), where it has no certificate yet.
 * Every context comes from the module's private Bouncy Castle JSSE instance ({@link Bc#JSSE}): JDK 17's own
 * TLS stack cannot use brainpoolP256r1, the curve the German smart-metering PKI prescribes, and a device-port
 * server must accept brainpool and NIST gateways alike. {@link #NAMED_GROUPS} are applied to every socket and
 * engine that {@link TlsEndpoint} hands out (JDK 17's {@code SSLParameters} cannot carry them).
 */
public final class DevicePortTls {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

    /**
     * Key exchange groups, NIST and brainpool (RFC 8734's {@code tls13} code points for TLS 1.3, the RFC 7027
     * ones for TLS 1.2); nothing below 256 bits, no finite-field groups.
     */
    public static final List<String> NAMED_GROUPS = List.of(
            "secp256r1", "secp384r1",
            "brainpoolP256r1tls13", "brainpoolP384r1tls13",
            "brainpoolP256r1", "brainpoolP384r1");

    private DevicePortTls() {
    }

    /**
     * The platform side: presents the server certificate, requires a client certificate that chains to
     * {@code trustedRoots}, carries clientAuth and is not on its issuing CA's CRL from {@code crls}
     * (asked on every handshake, so a fresh CRL takes effect at once).
     */
    public static TlsEndpoint server(PrivateKey key, List<X509Certificate> chain, Collection<X509Certificate> trustedRoots,
                                     Supplier<? extends Collection<X509CRL>> crls) {
        TrustManager trust = new RevocationCheckingTrustManager(trustedRoots, crls, Clock.systemUTC());
        SSLParameters parameters = parameters();
        parameters.setNeedClientAuth(true);
        return new TlsEndpoint(context(key, chain, trust), parameters);
    }

    /**
     * Payara's device port ({@link ListenerContexts}): presents the server certificate and checks a client
     * certificate, when one is presented, against {@code trustedRoots} (PKIX, clientAuth). The listener asks for
     * one but does not require it (first enrollment has none); revocation and "is this gateway's current
     * certificate" are the platform's checks on every device request, as they are for a JDK listener. Every engine
     * the context creates offers {@link #NAMED_GROUPS}; protocols, suites and client authentication are set by
     * the listener's own configuration.
     */
    public static SSLContext listener(PrivateKey key, List<X509Certificate> chain, Collection<X509Certificate> trustedRoots) {
        if (trustedRoots.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor for client certificates");
        }
        return new NamedGroupsContext(context(new KeyManager[] {keyManager(key, chain)}, anchoredTrust(trustedRoots)));
    }

    /**
     * The gateway side: presents the gateway's TLS client certificate and accepts a server certificate that
     * chains to {@code trustedRoots} and names the host connected to (endpoint identification "HTTPS").
     */
    public static TlsEndpoint client(PrivateKey key, List<X509Certificate> chain, Collection<X509Certificate> trustedRoots) {
        return new TlsEndpoint(context(new KeyManager[] {keyManager(key, chain)}, anchoredTrust(trustedRoots)), clientParameters());
    }

    /**
     * A gateway that has no certificate yet (first enrollment): authenticates the server against
     * {@code trustedRoots} only, never the JDK's default trust store, and presents no certificate of its own.
     */
    public static TlsEndpoint serverAuthenticated(Collection<X509Certificate> trustedRoots) {
        if (trustedRoots.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor: a gateway trusts only the platform root it was given");
        }
        return new TlsEndpoint(context(new KeyManager[0], anchoredTrust(trustedRoots)), clientParameters());
    }

    /**
     * RFC 7030 4.1.1 bootstrap: a server-authenticating-nothing context, only for fetching {@code /cacerts} when the
     * gateway was given the root's {@link RootFingerprint} instead of the root itself. Nothing of that answer may
     * be used except the root that matches the fingerprint; every later connection uses {@link #serverAuthenticated}.
     */
    public static TlsEndpoint cacertsBootstrap() {
        return new TlsEndpoint(context(new KeyManager[0], new AnyServer()), clientParameters());
    }

    /** Accepts any server chain: see {@link #cacertsBootstrap()}; refuses every client. */
    private static final class AnyServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a gateway accepts no clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // RFC 7030 4.1.1: the answer is checked out of band (the fingerprint), not the connection
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static SSLParameters clientParameters() {
        SSLParameters parameters = parameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /** PKIX with exactly {@code trustedRoots} as anchors (an explicit key store, so never the JDK's cacerts). */
    private static TrustManager anchoredTrust(Collection<X509Certificate> trustedRoots) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate root : trustedRoots) {
                anchors.setCertificateEntry("root-" + i++, root);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX", Bc.JSSE);
            factory.init(anchors);
            return factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiFailure("cannot build client trust manager", e);
        }
    }

    private static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        parameters.setCipherSuites(CIPHER_SUITES.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }

    private static SSLContext context(PrivateKey key, List<X509Certificate> chain, TrustManager trust) {
        return context(new KeyManager[] {keyManager(key, chain)}, trust);
    }

    private static KeyManager keyManager(PrivateKey key, List<X509Certificate> chain) {
        return new FixedKeyManager(key, chain);
    }

    private static SSLContext context(KeyManager[] keys, TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS", Bc.JSSE);
            context.init(keys, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("cannot build TLS context", e);
        }
    }
}
