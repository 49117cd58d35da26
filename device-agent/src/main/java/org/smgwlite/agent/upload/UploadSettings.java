package org.smgwlite.agent.upload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code platform.*} keys of {@code agent.properties}. Upload is off (this is {@code null}) unless
 * {@code platform.url} is set.
 *
 * @param platform      base URL for first enrollment ({@code /api/.well-known/est/...})
 * @param devicePort    base URL of the mutual-TLS device port (upload, renewal, signature certificate)
 * @param tenant        EST label: the tenant id
 * @param gatewayId     this gateway's id (the CN of its certificates)
 * @param enrollmentCode the one-time code from the operator; needed only until the first enrollment
 * @param rootPem       the platform's root CA certificate (PEM), the trust anchor of the device port
 * @param credentialDir where keys and chains are kept (mode 600)
 */
public record UploadSettings(URI platform, URI devicePort, String tenant, String gatewayId, String enrollmentCode,
                             Path rootPem, Path credentialDir, Duration spreadMinimum, Duration spreadWindow) {

    public static final Set<String> KEYS = Set.of("platform.url", "platform.device.url", "platform.tenant",
            "platform.root", "gateway.id", "enrollment.code");

    /** {@code null} when {@code platform.url} is absent; relative paths against {@code base}. */
    public static UploadSettings parse(Properties p, Path base, Path dataDir) {
        String url = p.getProperty("platform.url", "").trim();
        if (url.isEmpty()) {
            return null;
        }
        return new UploadSettings(URI.create(url), URI.create(required(p, "platform.device.url")), required(p, "platform.tenant"),
                required(p, "gateway.id"), p.getProperty("enrollment.code", "").trim(),
                base.resolve(required(p, "platform.root")), dataDir.resolve("credentials"),
                Duration.ofMinutes(5), Duration.ofHours(4));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(key + " is required when platform.url is set");
        }
        return v;
    }
}
