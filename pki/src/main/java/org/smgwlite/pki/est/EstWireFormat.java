package org.smgwlite.pki.est;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.Selector;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.CsrRejectedException;
import org.smgwlite.pki.internal.Pem;

/**
 * Encodes and decodes EST message bodies (RFC 7030 section 4). Requests ({@code application/pkcs10}) are
 * base64 DER by the RFC, but stock clients send line-wrapped base64, a PEM file or raw DER
 * ({@code curl --data-binary @req.der}); all four are accepted. Responses are base64 wrapped at 64 characters
 * with LF line breaks: GNU {@code base64 -d} refuses the CR of CRLF, and EST clients accept either.
 */
public final class EstWireFormat {

    /** Content type of {@code /simpleenroll}, {@code /simplereenroll} and {@code /cacerts} responses. */
    public static final String CERTS_ONLY_CONTENT_TYPE = "application/pkcs7-mime; smime-type=certs-only";
    /** Content type of enrollment requests. */
    public static final String CSR_CONTENT_TYPE = "application/pkcs10";
    /** EST bodies are base64; responses carry {@code Content-Transfer-Encoding: base64}. */
    public static final String CONTENT_TRANSFER_ENCODING = "base64";
    /** A P-256 CSR is about 400 bytes; anything beyond this is refused before parsing. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    private static final byte DER_SEQUENCE = 0x30;

    private EstWireFormat() {
    }

    /**
     * Reads the body of a {@code /simpleenroll} or {@code /simplereenroll} request and verifies the CSR's signature.
     *
     * @throws CsrRejectedException {@code MALFORMED} (empty, too large, not base64/PEM/DER, not PKCS#10)
     *                              or {@code BAD_SIGNATURE}
     */
    public static Csr parseEnrollmentRequest(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("empty request body: expected a base64-encoded PKCS#10 certificate request");
        }
        if (body.length > MAX_REQUEST_BYTES) {
            throw malformed("request body of " + body.length + " bytes exceeds " + MAX_REQUEST_BYTES + " bytes");
        }
        if (body[0] == DER_SEQUENCE) {
            return Csr.fromDer(body);
        }
        String text = new String(body, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN")) {
            return Csr.fromPem(text);
        }
        if (!BASE64_TEXT.matcher(text).matches()) {
            throw malformed("request body is neither base64, PEM nor DER");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw malformed("request body is not valid base64: " + e.getMessage());
        }
        if (der.length == 0) {
            throw malformed("request body decodes to nothing");
        }
        return Csr.fromDer(der);
    }

    public static Csr parseEnrollmentRequest(String body) {
        return parseEnrollmentRequest(body.getBytes(StandardCharsets.US_ASCII));
    }

    /** A degenerate CMS SignedData (no signers, no content) holding the certificates, DER-encoded. */
    public static byte[] certsOnlyDer(List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a certs-only response needs at least one certificate");
        }
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSAbsentContent()).getEncoded();
        } catch (CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalArgumentException("certificates cannot be encoded: " + e.getMessage(), e);
        }
    }

    /**
     * The body of a {@code /simpleenroll} (the issued certificate, optionally with its chain) or {@code /cacerts}
     * (the CA chain) response: base64 of {@link #certsOnlyDer}, wrapped at 64 characters with LF.
     */
    public static String certsOnly(List<X509Certificate> certificates) {
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certsOnlyDer(certificates)) + "\n";
    }

    /**
     * Reads a certs-only response, base64 or DER, as an EST client (a gateway, a test) does.
     *
     * @throws IllegalArgumentException if it is not a CMS SignedData with certificates
     */
    public static List<X509Certificate> parseCertsOnly(byte[] body) {
        byte[] der = body.length > 0 && body[0] == DER_SEQUENCE ? body
                : Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        try {
            CMSSignedData signedData = new CMSSignedData(der);
            List<X509Certificate> result = new ArrayList<>();
            for (X509CertificateHolder holder : signedData.getCertificates().getMatches(all())) {
                result.add(Pem.certificate(holder.getEncoded()));
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException("certs-only message holds no certificate");
            }
            return result;
        } catch (CMSException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a certs-only CMS message: " + e.getMessage(), e);
        }
    }

    private static Selector<X509CertificateHolder> all() {
        return new Selector<>() {
            @Override
            public boolean match(X509CertificateHolder holder) {
                return true;
            }

            @Override
            public Object clone() {
                return this;
            }
        };
    }

    private static CsrRejectedException malformed(String message) {
        return new CsrRejectedException(CsrRejectedException.Reason.MALFORMED, message);
    }
}
