package org.smgwlite.platform.listener;

import java.util.Optional;

/**
 * The device port as a server of its own: on it only the device API ({@code /api/device/*}), EST
 * ({@code /api/.well-known/est/*}) and the CRLs ({@code /api/crl/*}); the UI, the operator API and everything else
 * only on the browser ports. There, neither the device API nor EST, except EST in the named development mode
 * {@value DevicePortSettings#PLAIN_HTTP_ENROLLMENT}. The device port asks for a client certificate but does not
 * require it in the handshake (first enrollment has none yet); the device resources and renewal require it.
 *
 * @param devicePort          the device port's listener port
 * @param plainHttpEnrollment development only: EST on the browser ports too
 */
public record ListenerPaths(int devicePort, boolean plainHttpEnrollment) {

    static final String DEVICE_API = "/api/device/";
    static final String EST = "/api/.well-known/est/";
    static final String CRL = "/api/crl/";

    /**
     * Why a request for {@code path} (context path, servlet path and path info, decoded) arriving on {@code localPort}
     * is not served there, or empty when it is.
     */
    public Optional<String> refusal(int localPort, String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (localPort == devicePort) {
            return p.startsWith(DEVICE_API) || p.startsWith(EST) || p.startsWith(CRL) ? Optional.empty()
                    : Optional.of("the device port " + devicePort + " serves only /api/device/, EST and CRLs");
        }
        if (p.startsWith(DEVICE_API)) {
            return Optional.of("the device API is served on the device port " + devicePort + " only");
        }
        if (p.startsWith(EST) && !plainHttpEnrollment) {
            return Optional.of("EST is served over TLS on the device port " + devicePort + " only");
        }
        return Optional.empty();
    }
}
