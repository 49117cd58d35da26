package org.smgwlite.pki.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.internal.Pem;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * A certificate the Wirk-PKI has just issued, with its issuer chain (issuing CA first, root last) and the
 * facts the platform writes to its audit log: serial, subject, gateway id, validity, SHA-256 fingerprint.
 */
public record IssuedCertificate(X509Certificate certificate, List<X509Certificate> issuerChain,
                                CertificateProfile profile, Optional<GatewayId> gatewayId) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        issuerChain = List.copyOf(issuerChain);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(gatewayId, "gatewayId");
    }

    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    /** The serial as lower-case hex, the form the CLI, the CRL tooling and openssl print. */
    public String serialHex() {
        return serial().toString(16);
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    public String issuer() {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** SHA-256 over the DER encoding, lower-case hex without separators. */
    public String sha256Fingerprint() {
        return fingerprint(certificate);
    }

    /** The certificate followed by its issuer chain, as a TLS peer presents it. */
    public List<X509Certificate> fullChain() {
        List<X509Certificate> chain = new ArrayList<>(issuerChain.size() + 1);
        chain.add(certificate);
        chain.addAll(issuerChain);
        return List.copyOf(chain);
    }

    public String certificatePem() {
        return Pem.certificates(List.of(certificate));
    }

    public String fullChainPem() {
        return Pem.certificates(fullChain());
    }

    /** One line for an audit log; contains no key material. */
    public String auditSummary() {
        return "profile=" + profile + " serial=" + serialHex() + " subject=\"" + subject() + "\""
                + gatewayId.map(g -> " gateway=" + g).orElse("")
                + " notBefore=" + notBefore() + " notAfter=" + notAfter() + " sha256=" + sha256Fingerprint();
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
