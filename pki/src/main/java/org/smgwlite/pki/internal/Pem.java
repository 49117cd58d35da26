package org.smgwlite.pki.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text for certificates, CRLs and keys; certificates are always re-read through the private provider. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append(encode("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return out.toString();
    }

    /** All PEM blocks of the given type, in order; other blocks are skipped. */
    public static List<byte[]> decodeAll(String pem, String type) {
        List<byte[]> result = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                if (object.getType().equals(type)) {
                    result.add(object.getContent());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid PEM: " + e.getMessage(), e);
        }
        return result;
    }

    public static List<X509Certificate> parseCertificates(String pem) {
        List<X509Certificate> result = new ArrayList<>();
        for (byte[] der : decodeAll(pem, "CERTIFICATE")) {
            result.add(certificate(der));
        }
        return result;
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Bc.PROVIDER)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509", Bc.PROVIDER).generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid X.509 CRL: " + e.getMessage(), e);
        }
    }
}
