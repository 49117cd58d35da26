package org.smgwlite.pki.cms;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.internal.Bc;

/**
 * The signing rule for day-after batches, written once for agent and platform: CMS SignedData (RFC 5652),
 * DER, content <em>encapsulated</em> (the signed object is the whole upload, so the platform keeps exactly
 * what it verified), exactly one signer identified by issuer and serial, ECDSA with SHA-256, signed
 * attributes (content type, message digest, signing time), the signer's certificate included.
 *
 * <p>Verification never trusts the certificate inside the message: the caller passes the certificates
 * the signer must be one of (the gateway's stored signature certificates), and only those keys count.
 */
public final class BatchSignature {

    /** Content type of a signed batch on the wire. */
    public static final String CONTENT_TYPE = "application/pkcs7-mime; smime-type=signed-data";

    private static final String ALGORITHM = "SHA256withECDSA";

    private BatchSignature() {
    }

    /** What a verified message holds: the signed content and which of the expected certificates signed it. */
    public record Verified(byte[] content, X509Certificate signer) {
    }

    /** Signs {@code content} with the gateway's signature key; returns the DER SignedData. */
    public static byte[] sign(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build())
                    .build(new JcaContentSignerBuilder(ALGORITHM).setProvider(Bc.PROVIDER).build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new PkiFailure("cannot sign batch: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a signed batch against the certificates its signer must be one of.
     *
     * @throws BatchSignatureException {@code MALFORMED} (not DER SignedData, no content, larger than
     *                                 {@code maxBytes}), {@code BAD_SIGNATURE} (not one signer, digest or
     *                                 signature wrong), {@code UNKNOWN_SIGNER} (signed by another key),
     *                                 {@code SIGNER_NOT_VALID} (the signer's certificate is outside its validity now)
     */
    public static Verified verify(byte[] der, Collection<X509Certificate> expectedSigners, int maxBytes) {
        return verify(der, expectedSigners, maxBytes, Instant.now());
    }

    /** As {@link #verify(byte[], Collection, int)}, with the signer's certificate required to be valid at {@code at}. */
    public static Verified verify(byte[] der, Collection<X509Certificate> expectedSigners, int maxBytes, Instant at) {
        if (der == null || der.length == 0) {
            throw new BatchSignatureException(BatchSignatureException.Reason.MALFORMED, "empty body: expected CMS SignedData");
        }
        if (der.length > maxBytes) {
            throw new BatchSignatureException(BatchSignatureException.Reason.MALFORMED,
                    "signed batch of " + der.length + " bytes exceeds " + maxBytes + " bytes");
        }
        CMSSignedData signed;
        byte[] content;
        try {
            signed = new CMSSignedData(der);
            if (signed.getSignedContent() == null || !(signed.getSignedContent().getContent() instanceof byte[] c)) {
                throw new BatchSignatureException(BatchSignatureException.Reason.MALFORMED, "SignedData has no encapsulated content");
            }
            content = c;
        } catch (CMSException | RuntimeException e) {
            if (e instanceof BatchSignatureException b) {
                throw b;
            }
            throw new BatchSignatureException(BatchSignatureException.Reason.MALFORMED, "not a CMS SignedData: " + e.getMessage());
        }
        Collection<SignerInformation> signers;
        try {
            signers = signed.getSignerInfos().getSigners();
        } catch (RuntimeException e) {
            throw new BatchSignatureException(BatchSignatureException.Reason.MALFORMED, "signer info unreadable: " + e.getMessage());
        }
        if (signers.size() != 1) {
            throw new BatchSignatureException(BatchSignatureException.Reason.BAD_SIGNATURE,
                    "expected exactly one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        for (X509Certificate candidate : expectedSigners) {
            X509CertificateHolder holder;
            try {
                holder = new JcaX509CertificateHolder(candidate);
            } catch (CertificateEncodingException e) {
                throw new PkiFailure("stored signer certificate cannot be encoded", e);
            }
            boolean matches;
            try {
                matches = signer.getSID().match(holder);
            } catch (RuntimeException e) {
                throw new BatchSignatureException(BatchSignatureException.Reason.MALFORMED, "signer id unreadable: " + e.getMessage());
            }
            if (!matches) {
                continue;
            }
            boolean ok;
            try {
                ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(holder));
            } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
                throw new BatchSignatureException(BatchSignatureException.Reason.BAD_SIGNATURE,
                        "signature does not verify: " + e.getMessage());
            }
            if (!ok) {
                throw new BatchSignatureException(BatchSignatureException.Reason.BAD_SIGNATURE, "signature does not verify");
            }
            try {
                candidate.checkValidity(Date.from(at));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new BatchSignatureException(BatchSignatureException.Reason.SIGNER_NOT_VALID, "signature certificate serial "
                        + candidate.getSerialNumber().toString(16) + " is valid from " + candidate.getNotBefore().toInstant()
                        + " to " + candidate.getNotAfter().toInstant() + ", not at " + at + ": renew it (EST label 'signature')");
            }
            return new Verified(content, candidate);
        }
        throw new BatchSignatureException(BatchSignatureException.Reason.UNKNOWN_SIGNER,
                "signer " + signer.getSID().getIssuer() + " serial " + (signer.getSID().getSerialNumber() == null ? "?"
                        : signer.getSID().getSerialNumber().toString(16)) + " is none of the " + expectedSigners.size()
                        + " expected signature certificate(s)");
    }
}
