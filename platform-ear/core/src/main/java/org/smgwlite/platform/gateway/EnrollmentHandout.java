package org.smgwlite.platform.gateway;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.tls.RootFingerprint;
import org.smgwlite.platform.listener.DevicePortSettings;

/**
 * What the operator hands a gateway's owner with a new enrollment code: the code, its expiry, and the settings the
 * gateway's agent needs to enroll and upload (device-port URL, tenant, gateway id, the platform root's SHA-256 to pin).
 * {@link #agentProperties()} is the text the admin UI shows, copies and puts in the QR code.
 */
public record EnrollmentHandout(String tenant, String gatewayId, String code, Instant expiresAt, String rootSha256,
                                String devicePortUrl) {

    /** @param caChain the tenant CA's chain, root last */
    public static EnrollmentHandout of(TenantId tenant, NewGatewayEnrollmentCode code, List<X509Certificate> caChain,
                                       DevicePortSettings devicePort) {
        return new EnrollmentHandout(tenant.value(), code.gatewayId(), code.code(), code.expiresAt(),
                RootFingerprint.of(caChain.get(caChain.size() - 1)).toString(), devicePort.url().toString());
    }

    /**
     * The lines of the agent's {@code agent.properties} that enroll it (keys as the device agent's {@code UploadSettings}
     * reads them; EST and uploads both go to the device port), after a comment with the code's expiry.
     */
    public List<String> agentProperties() {
        return List.of(
                "# SMGW.Lite enrollment of " + gatewayId + ", code valid until " + expiresAt,
                "platform.url=" + devicePortUrl,
                "platform.device.url=" + devicePortUrl,
                "platform.tenant=" + tenant,
                "gateway.id=" + gatewayId,
                "enrollment.code=" + code,
                "platform.root-sha256=" + rootSha256);
    }

    @Override
    public String toString() {
        return "EnrollmentHandout[" + tenant + ", " + gatewayId + ", ****, " + expiresAt + "]";
    }
}
