package org.smgwlite.pki.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.PkiFailure;

/** Key generation, conversion and key identifiers on the private provider (SunEC in JDK 17 has no brainpool curves). */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    public static KeyPair generate(Curve curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            generator.initialize(new ECGenParameterSpec(curve.standardName()), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("cannot generate a key on " + curve, e);
        }
    }

    /** Re-reads a key through the private provider, so that keys from any provider sign and verify alike. */
    public static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
    }

    public static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /**
     * The issuer's key identifier for an AuthorityKeyIdentifier: the issuer's own SKI if it has one, else the
     * RFC 5280 method-1 SHA-1 of its key. Key id only, no issuer name and serial, so that a re-issued CA
     * certificate on the same key still matches what it signed.
     */
    public static byte[] authorityKeyId(X509Certificate issuer) throws NoSuchAlgorithmException {
        byte[] ski = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ski != null) {
            return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getKeyIdentifier();
        }
        return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(
                SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded())).getKeyIdentifier();
    }

    /** True if the private key signs what the public key verifies: guards against a CA loaded with the wrong key. */
    public static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = new byte[32];
            RANDOM.nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withECDSA", Bc.PROVIDER);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA", Bc.PROVIDER);
            verifier.initVerify(publicKey(publicKey.getEncoded()));
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
