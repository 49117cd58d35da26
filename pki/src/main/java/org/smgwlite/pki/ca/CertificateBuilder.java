package org.smgwlite.pki.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.pki.profile.ExtendedKeyUsage;
import org.smgwlite.pki.profile.KeyUsage;

/**
 * Builds and signs one X.509 v3 certificate from a profile. The only place certificates are made, so the
 * invariants live here once: a 128-bit random positive serial; BasicConstraints and KeyUsage critical;
 * EKU for end entities; SKI from the subject key, AKI from the issuer's key; validity never past the issuer's.
 */
final class CertificateBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateBuilder() {
    }

    record SubjectAltNames(List<String> dnsNames, List<String> ipAddresses) {
        static final SubjectAltNames NONE = new SubjectAltNames(List.of(), List.of());

        boolean isEmpty() {
            return dnsNames.isEmpty() && ipAddresses.isEmpty();
        }
    }

    /**
     * @param issuerCertificate the signing CA's certificate, or {@code null} for a self-signed root
     * @param issuerKey         the signing key (the subject's own key for a root)
     */
    static X509Certificate sign(X509Certificate issuerCertificate, PrivateKey issuerKey, Curve issuerCurve,
                                X500Name subject, PublicKey subjectKey, CertificateProfile profile,
                                Instant notBefore, Instant notAfter, SubjectAltNames altNames) {
        try {
            SubjectPublicKeyInfo subjectKeyInfo = SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded());
            X500Name issuer = issuerCertificate == null ? subject
                    : X500Name.getInstance(issuerCertificate.getSubjectX500Principal().getEncoded());
            Instant end = issuerCertificate == null ? notAfter
                    : min(notAfter, issuerCertificate.getNotAfter().toInstant());
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, randomSerial(),
                    Date.from(notBefore), Date.from(end), subject, subjectKeyInfo);

            builder.addExtension(Extension.basicConstraints, true, profile.isCa()
                    ? new BasicConstraints(profile.pathLength().orElseThrow()) : new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, keyUsage(profile));
            if (!profile.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(profile));
            }
            JcaX509ExtensionUtils keyIds = extensionUtils(); // holds a MessageDigest: one per certificate
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    keyIds.createSubjectKeyIdentifier(subjectKeyInfo));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? keyIds.createAuthorityKeyIdentifier(subjectKeyInfo)
                    : new AuthorityKeyIdentifier(Keys.authorityKeyId(issuerCertificate)));
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, generalNames(altNames));
            }

            ContentSigner signer = new JcaContentSignerBuilder(issuerCurve.signatureAlgorithm())
                    .setProvider(Bc.PROVIDER).build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new PkiFailure("cannot sign " + profile + " certificate for " + subject, e);
        }
    }

    /** 128 random bits, positive and non-zero (RFC 5280 4.1.2.2 allows up to 20 octets). */
    static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }

    private static org.bouncycastle.asn1.x509.KeyUsage keyUsage(CertificateProfile profile) {
        int bits = 0;
        for (KeyUsage usage : profile.keyUsages()) {
            bits |= switch (usage) {
                case DIGITAL_SIGNATURE -> org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
                case NON_REPUDIATION -> org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;
                case KEY_AGREEMENT -> org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
                case KEY_CERT_SIGN -> org.bouncycastle.asn1.x509.KeyUsage.keyCertSign;
                case CRL_SIGN -> org.bouncycastle.asn1.x509.KeyUsage.cRLSign;
            };
        }
        return new org.bouncycastle.asn1.x509.KeyUsage(bits);
    }

    private static org.bouncycastle.asn1.x509.ExtendedKeyUsage extendedKeyUsage(CertificateProfile profile) {
        KeyPurposeId[] purposes = profile.extendedKeyUsages().stream()
                .map(ExtendedKeyUsage::oid)
                .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                .toArray(KeyPurposeId[]::new);
        return new org.bouncycastle.asn1.x509.ExtendedKeyUsage(purposes);
    }

    private static GeneralNames generalNames(SubjectAltNames altNames) {
        List<GeneralName> names = new java.util.ArrayList<>();
        altNames.dnsNames().forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        altNames.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1 for key identifiers", e);
        }
    }
}
