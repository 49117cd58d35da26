package org.smgwlite.pki.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
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

import org.smgwlite.pki.Curve;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.UnsupportedKeyException;

/**
 * Builds the TLS endpoints of the device port. Only TLS 1.3 and 1.2, and only the AES-GCM suites with
 * ECDHE key exchange and ECDSA authentication that TR-03116-3 lists. The server demands a client certificate;
 * a gateway trusts only the platform root it was given, also for its first enrollment
 * ({@link #serverAuthenticated}), where it has no certificate yet.
 * Named groups cannot be restricted per context in JDK 17 (that needs {@code jdk.tls.namedGroups}, a global
 * property, which the platform may set in its JVM options). NIST curves only: JDK 17's TLS stack cannot use
 * brainpool keys at all (see the module README); a brainpool tenant's gateways need BC JSSE.
 */
public final class DevicePortTls {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

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
                anchors.setCertificateEntry("root-" + i++, jdkCertificate(root));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
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
        List<X509Certificate> presented = chain.stream().map(DevicePortTls::jdkCertificate).toList();
        return new FixedKeyManager(jdkKey(key, chain.get(0)), presented);
    }

    private static SSLContext context(KeyManager[] keys, TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("cannot build TLS context", e);
        }
    }

    /**
     * SunJSSE signs with SunEC, which only takes its own key objects and has no brainpool curves: convert, and
     * say so plainly instead of failing later inside the handshake.
     *
     * @throws UnsupportedKeyException for a brainpool key
     */
    private static PrivateKey jdkKey(PrivateKey key, X509Certificate certificate) {
        Curve curve = Curve.of(certificate.getPublicKey());
        if (curve.isBrainpool()) {
            throw new UnsupportedKeyException("the JDK 17 TLS stack cannot use " + curve.standardName()
                    + " keys (no brainpool named groups or signature schemes in SunJSSE, no brainpool in SunEC)");
        }
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("cannot convert key for the JDK TLS stack", e);
        }
    }

    /** The same certificate parsed by the JDK, so that SunJSSE sees its own key and certificate classes. */
    private static X509Certificate jdkCertificate(X509Certificate certificate) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("cannot re-read certificate " + certificate.getSubjectX500Principal(), e);
        }
    }
}
