package org.smgwlite.pki.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
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

import org.smgwlite.pki.Curve;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.UnsupportedKeyException;

/**
 * Builds the TLS endpoints of the device port. Only TLS 1.3 and 1.2, and only the AES-GCM suites with
 * ECDHE key exchange and ECDSA authentication that TR-03116-3 lists; the server demands a client certificate.
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
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate root : trustedRoots) {
                anchors.setCertificateEntry("root-" + i++, jdkCertificate(root));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            SSLParameters parameters = parameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            return new TlsEndpoint(context(key, chain, factory.getTrustManagers()[0]), parameters);
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
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            List<X509Certificate> presented = chain.stream().map(DevicePortTls::jdkCertificate).toList();
            context.init(new KeyManager[] {new FixedKeyManager(jdkKey(key, chain.get(0)), presented)},
                    new TrustManager[] {trust}, new SecureRandom());
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
