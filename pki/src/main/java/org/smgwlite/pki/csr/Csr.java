package org.smgwlite.pki.csr;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.UnsupportedKeyException;
import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.internal.Pem;

/**
 * A PKCS#10 request whose self-signature has been verified: an instance cannot exist for a request that
 * is malformed or whose signature does not verify with its own key (proof of possession).
 * Only the public key and the subject's common name are taken from it; the CA builds everything else.
 */
public final class Csr {

    private final byte[] encoded;
    private final X500Name subject;
    private final PublicKey publicKey;

    private Csr(byte[] encoded, X500Name subject, PublicKey publicKey) {
        this.encoded = encoded;
        this.subject = subject;
        this.publicKey = publicKey;
    }

    /**
     * Parses a DER-encoded request and verifies its signature.
     *
     * @throws CsrRejectedException {@code MALFORMED} or {@code BAD_SIGNATURE}
     */
    public static Csr fromDer(byte[] der) {
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new CsrRejectedException(CsrRejectedException.Reason.MALFORMED,
                    "not a PKCS#10 certificate request: " + e.getMessage(), e);
        }
        PublicKey key;
        try {
            key = Keys.publicKey(request.getSubjectPublicKeyInfo().getEncoded());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            key = readNonEcKey(request, e);
        }
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new CsrRejectedException(CsrRejectedException.Reason.BAD_SIGNATURE,
                    "certificate request signature cannot be verified: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new CsrRejectedException(CsrRejectedException.Reason.BAD_SIGNATURE,
                    "certificate request signature does not verify with its public key");
        }
        return new Csr(der.clone(), request.getSubject(), key);
    }

    /** Parses the first {@code CERTIFICATE REQUEST} (or {@code NEW CERTIFICATE REQUEST}) block of PEM text. */
    public static Csr fromPem(String pem) {
        List<byte[]> blocks;
        try {
            blocks = Pem.decodeAll(pem, "CERTIFICATE REQUEST");
            if (blocks.isEmpty()) {
                blocks = Pem.decodeAll(pem, "NEW CERTIFICATE REQUEST");
            }
        } catch (IllegalArgumentException e) {
            throw new CsrRejectedException(CsrRejectedException.Reason.MALFORMED, e.getMessage(), e);
        }
        if (blocks.isEmpty()) {
            throw new CsrRejectedException(CsrRejectedException.Reason.MALFORMED, "no CERTIFICATE REQUEST block in PEM text");
        }
        return fromDer(blocks.get(0));
    }

    /** RSA and other non-EC requests still get their signature checked, and are then refused by the policy. */
    private static PublicKey readNonEcKey(PKCS10CertificationRequest request, Exception ecFailure) {
        try {
            String algorithm = request.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
            String name = switch (algorithm) {
                case "1.2.840.113549.1.1.1" -> "RSA";
                case "1.2.840.10040.4.1" -> "DSA";
                case "1.3.101.112" -> "Ed25519";
                default -> throw new CsrRejectedException(CsrRejectedException.Reason.KEY_NOT_ALLOWED,
                        "public key algorithm " + algorithm + " is not allowed, only EC keys");
            };
            return java.security.KeyFactory.getInstance(name, Bc.PROVIDER).generatePublic(
                    new java.security.spec.X509EncodedKeySpec(request.getSubjectPublicKeyInfo().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new CsrRejectedException(CsrRejectedException.Reason.MALFORMED,
                    "public key in certificate request cannot be read: " + ecFailure.getMessage(), e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The requested subject as RFC 2253 text; informational, the CA never copies it into a certificate. */
    public String subject() {
        return new X500Principal(encodedSubject()).getName(X500Principal.RFC2253);
    }

    /** The single common name of the subject; empty if there is none. */
    public Optional<String> commonName() {
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        return cns.length == 0 ? Optional.empty() : Optional.of(IETFUtils.valueToString(cns[0].getFirst().getValue()));
    }

    /** The DER encoding of the request as received. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * The curve of the request's key, if the tenant's policy allows it.
     *
     * @throws CsrRejectedException {@code KEY_NOT_ALLOWED} for RSA, P-192, brainpool under a NIST policy and so on
     */
    public Curve requireKeyAllowedBy(CurvePolicy policy) {
        try {
            return policy.requireEndEntityKey(publicKey);
        } catch (UnsupportedKeyException e) {
            throw new CsrRejectedException(CsrRejectedException.Reason.KEY_NOT_ALLOWED, e.getMessage(), e);
        }
    }

    /**
     * Checks that the subject has exactly one common name and that it is the gateway id the request is
     * authorised for (by an enrollment code or the gateway's current client certificate).
     *
     * @throws CsrRejectedException {@code SUBJECT_MISMATCH} naming both ids
     */
    public void requireSubjectNames(GatewayId expected) {
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        if (cns.length != 1 || cns[0].isMultiValued()) {
            throw new CsrRejectedException(CsrRejectedException.Reason.SUBJECT_MISMATCH,
                    "certificate request subject '" + subject() + "' must have exactly one CN, the gateway id " + expected);
        }
        String cn = IETFUtils.valueToString(cns[0].getFirst().getValue());
        if (!cn.equals(expected.value())) {
            throw new CsrRejectedException(CsrRejectedException.Reason.SUBJECT_MISMATCH,
                    "certificate request names gateway '" + printable(cn) + "' but is authorised for gateway " + expected);
        }
    }

    private byte[] encodedSubject() {
        try {
            return subject.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("subject was parsed from DER and must re-encode", e);
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return "Csr[" + subject() + ", " + publicKey.getAlgorithm() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Csr other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }
}
