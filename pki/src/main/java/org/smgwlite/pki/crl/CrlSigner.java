package org.smgwlite.pki.crl;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.internal.Keys;

/**
 * Signs an X.509 v2 CRL for one CA: thisUpdate/nextUpdate, CRL number, authority key identifier and a
 * reason code per entry. Called by {@code CertificateAuthority.issueCrl}, which owns the key.
 */
public final class CrlSigner {

    private CrlSigner() {
    }

    /**
     * The CRL number of a CRL (RFC 5280 5.2.3), for showing which CRL is current.
     *
     * @throws IllegalArgumentException if the CRL has none
     */
    public static BigInteger number(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (extension == null) {
            throw new IllegalArgumentException("the CRL of " + crl.getIssuerX500Principal().getName() + " has no CRL number");
        }
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
    }

    public static X509CRL sign(X509Certificate caCertificate, PrivateKey caKey, Collection<RevokedCertificate> revoked,
                               BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate) {
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate " + nextUpdate + " must be after thisUpdate " + thisUpdate);
        }
        if (crlNumber.signum() < 0) {
            throw new IllegalArgumentException("CRL number must not be negative");
        }
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (RevokedCertificate entry : revoked) {
                builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reason().code());
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(Keys.authorityKeyId(caCertificate)));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            Curve curve = Curve.of(caCertificate.getPublicKey());
            var signer = new JcaContentSignerBuilder(curve.signatureAlgorithm()).setProvider(Bc.PROVIDER).build(caKey);
            return new JcaX509CRLConverter().setProvider(Bc.PROVIDER).getCRL(builder.build(signer));
        } catch (NoSuchAlgorithmException | CertIOException | OperatorCreationException e) {
            throw new PkiFailure("cannot sign CRL for " + caCertificate.getSubjectX500Principal(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiFailure("cannot convert CRL for " + caCertificate.getSubjectX500Principal(), e);
        }
    }

    /** The CRL reason of an entry as BC encodes it; kept here so that readers need no BC import. */
    static RevocationReason reasonOf(java.security.cert.X509CRLEntry entry) {
        return entry.getRevocationReason() == null ? RevocationReason.UNSPECIFIED
                : RevocationReason.ofCode(entry.getRevocationReason().ordinal());
    }
}
