package org.smgwlite.platform.listener;

import java.net.URI;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The device port as the application sees it:
 * <ul>
 * <li>{@code smgw.device-port.port} (default {@value #DEFAULT_PORT}): the listener port the server binds, used to tell
 *     the device port's requests from the browser ports';</li>
 * <li>{@code smgw.device-port.url} (default {@code https://localhost:8443}): the URL gateways use, shown to the
 *     operator next to an enrollment code;</li>
 * <li>{@value #PLAIN_HTTP_ENROLLMENT} (default {@code false}): DEVELOPMENT ONLY, EST also on the plain browser
 *     ports, where the one-time code travels readable.</li>
 * </ul>
 */
public record DevicePortSettings(int port, URI url, boolean plainHttpEnrollment) {

    public static final int DEFAULT_PORT = 8443;
    public static final String PLAIN_HTTP_ENROLLMENT = "smgw.development.plain-http-enrollment";

    /** From MicroProfile Config (no CDI needed, so servlet filters of every WAR can read it). */
    public static DevicePortSettings current() {
        return from(ConfigProvider.getConfig());
    }

    static DevicePortSettings from(Config config) {
        int port = config.getOptionalValue("smgw.device-port.port", Integer.class).orElse(DEFAULT_PORT);
        URI url = URI.create(config.getOptionalValue("smgw.device-port.url", String.class).orElse("https://localhost:" + port));
        return new DevicePortSettings(port, url, config.getOptionalValue(PLAIN_HTTP_ENROLLMENT, Boolean.class).orElse(false));
    }

    public ListenerPaths paths() {
        return new ListenerPaths(port, plainHttpEnrollment);
    }
}
