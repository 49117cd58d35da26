package org.smgwlite.platform.certificate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.smgwlite.pki.Curve;

/**
 * Reads back a certificate the platform stored as PEM. The JDK's own X.509 parser is enough here: it hands out the key's
 * encoding even for brainpool curves, and {@link Curve#of} reads the named-curve OID from it.
 */
final class CertificatePem {

    private CertificatePem() {
    }

    static Curve curveOf(String pem) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return Curve.of(certificate.getPublicKey());
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate cannot be parsed", e);
        }
    }
}
