package org.smgwlite.metering.contract;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.smgwlite.pki.cms.BatchSignature;

/**
 * The signing rule of a batch, for both sides: the {@link BatchFormat} body is the encapsulated content of a
 * CMS SignedData made with the gateway's signature key ({@link BatchSignature}); the upload body is that DER.
 */
public final class SignedBatches {

    /** Media type of an upload. */
    public static final String CONTENT_TYPE = "application/pkcs7-mime";

    private SignedBatches() {
    }

    /** Gateway side: encode and sign. */
    public static byte[] sign(ReadingBatch batch, PrivateKey signatureKey, X509Certificate signatureCertificate) {
        return BatchSignature.sign(BatchFormat.encode(batch), signatureKey, signatureCertificate);
    }

    /** What the platform got out of a verified upload. */
    public record Opened(ReadingBatch batch, X509Certificate signer) {
    }

    /**
     * Platform side: verify against the gateway's signature certificates, then decode.
     *
     * @throws org.smgwlite.pki.cms.BatchSignatureException if the signature is refused (nothing is decoded)
     * @throws BatchFormatException                         if the signed content is not a batch
     * @throws BatchTooLargeException                       if the upload exceeds {@link BatchFormat#MAX_SIGNED_BYTES}
     */
    public static Opened open(byte[] signed, Collection<X509Certificate> signatureCertificates) {
        if (signed != null && signed.length > BatchFormat.MAX_SIGNED_BYTES) {
            throw new BatchTooLargeException(signed.length, BatchFormat.MAX_SIGNED_BYTES);
        }
        BatchSignature.Verified verified = BatchSignature.verify(signed, signatureCertificates, BatchFormat.MAX_SIGNED_BYTES);
        return new Opened(BatchFormat.decode(verified.content()), verified.signer());
    }
}
