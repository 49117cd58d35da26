package org.smgwlite.pki.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.smgwlite.pki.crl.CertificateRejectedException;
import org.smgwlite.pki.crl.ChainValidator;

/**
 * The device port's client-certificate check: the chain must lead to one of our roots, the leaf must be a
 * TLS client certificate, and it must not be on its tenant CA's current CRL (no CRL, no connection).
 * Runs on the module's provider, so brainpool chains are checked as well as NIST ones.
 */
final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final ChainValidator validator;
    private final X509Certificate[] acceptedIssuers;
    private final Supplier<? extends Collection<X509CRL>> crls;
    private final Clock clock;

    RevocationCheckingTrustManager(Collection<X509Certificate> trustedRoots, Supplier<? extends Collection<X509CRL>> crls,
                                   Clock clock) {
        this.validator = new ChainValidator(trustedRoots, ChainValidator.RevocationScope.END_ENTITY);
        this.acceptedIssuers = trustedRoots.toArray(X509Certificate[]::new);
        this.crls = crls;
        this.clock = clock;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        try {
            validator.validateClientCertificate(List.of(chain), crls.get(), clock.instant());
        } catch (CertificateRejectedException e) {
            throw new CertificateException(e.reason() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the device port's trust manager checks clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return acceptedIssuers.clone();
    }
}
