package org.smgwlite.platform.metering;

import java.security.cert.X509Certificate;
import java.util.List;
import org.smgwlite.metering.contract.BatchFormatException;
import org.smgwlite.metering.contract.BatchTooLargeException;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.cms.BatchSignatureException;

/**
 * Opens a signed upload with the contract's rule ({@link SignedBatches#open}) against the gateway's own signature
 * certificates and checks that the batch names the gateway that sent it; every failure becomes a typed
 * {@link BatchRefusedException}.
 */
final class BatchOpener {

    private BatchOpener() {
    }

    /**
     * @param signatureCertificates the gateway's signature certificates that are not revoked
     * @throws BatchRefusedException if the batch cannot be used at all
     */
    static SignedBatches.Opened open(byte[] body, List<X509Certificate> signatureCertificates, String gatewayId) {
        if (signatureCertificates.isEmpty()) {
            throw new BatchRefusedException(BatchRefusedException.Reason.NO_SIGNATURE_CERTIFICATE,
                    "gateway " + gatewayId + " has no valid signature certificate (EST label 'signature')");
        }
        SignedBatches.Opened opened;
        try {
            opened = SignedBatches.open(body, signatureCertificates);
        } catch (BatchTooLargeException e) {
            throw new BatchRefusedException(BatchRefusedException.Reason.TOO_LARGE, e.getMessage());
        } catch (BatchSignatureException e) {
            throw new BatchRefusedException(switch (e.reason()) {
                case MALFORMED -> BatchRefusedException.Reason.MALFORMED;
                case BAD_SIGNATURE -> BatchRefusedException.Reason.BAD_SIGNATURE;
                case UNKNOWN_SIGNER -> BatchRefusedException.Reason.UNKNOWN_SIGNER;
                case SIGNER_NOT_VALID -> BatchRefusedException.Reason.SIGNER_NOT_VALID;
            }, e.getMessage());
        } catch (BatchFormatException e) {
            throw new BatchRefusedException(BatchRefusedException.Reason.MALFORMED, e.getMessage());
        }
        if (!opened.batch().gatewayId().equals(gatewayId)) {
            throw new BatchRefusedException(BatchRefusedException.Reason.GATEWAY_MISMATCH,
                    "batch names gateway " + opened.batch().gatewayId() + " but the client certificate is " + gatewayId);
        }
        return opened;
    }
}
