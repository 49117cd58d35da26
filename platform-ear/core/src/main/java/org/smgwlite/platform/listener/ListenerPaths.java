package org.smgwlite.platform.listener;

import java.util.Optional;
import org.smgwlite.metering.contract.DevicePortPaths;

/**
 * The device port as a server of its own: on it only what {@link DevicePortPaths} names (the device API, EST and the
 * CRLs; on Payara a valve of the device port's virtual server refuses the rest before any application sees it, this
 * is the second line); the UI, the operator API and everything else
 * only on the browser ports. There, neither the device API nor EST, except EST in the named development mode
 * {@value DevicePortSettings#PLAIN_HTTP_ENROLLMENT}. The device port asks for a client certificate but does not
 * require it in the handshake (first enrollment has none yet); the device resources and renewal require it.
 *
 * @param devicePort          the device port's listener port
 * @param plainHttpEnrollment development only: EST on the browser ports too
 */
public record ListenerPaths(int devicePort, boolean plainHttpEnrollment) {

    /**
     * Why a request for {@code path} (context path, servlet path and path info, decoded) arriving on {@code localPort}
     * is not served there, or empty when it is.
     */
    public Optional<String> refusal(int localPort, String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (localPort == devicePort) {
            return DevicePortPaths.served(p) ? Optional.empty()
                    : Optional.of("the device port " + devicePort + " " + DevicePortPaths.ONLY);
        }
        if (p.startsWith(DevicePortPaths.DEVICE_API)) {
            return Optional.of("the device API is served on the device port " + devicePort + " only");
        }
        if (p.startsWith(DevicePortPaths.EST) && !plainHttpEnrollment) {
            return Optional.of("EST is served over TLS on the device port " + devicePort + " only");
        }
        return Optional.empty();
    }
}
