package org.smgwlite.agent.upload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.smgwlite.pki.Curve;
import org.smgwlite.pki.tls.RootFingerprint;

/**
 * The {@code platform.*} keys of {@code agent.properties}. Upload is off (this is {@code null}) unless
 * {@code platform.url} is set.
 *
 * <p>Enrollment carries the one-time code, so it runs over TLS that authenticates the platform against the
 * root this gateway was given ({@code platform.root}, or its fingerprint {@code platform.root-sha256}), never
 * the JDK's trust store. A plain {@code http:} enrollment URL is refused unless
 * {@value #INSECURE_ENROLLMENT}{@code =true} names the development mode explicitly.
 *
 * @param platform           base URL of the EST server for first enrollment ({@code /api/.well-known/est/...}):
 *                           the device port
 * @param devicePort         base URL of the mutual-TLS device port (upload, renewal, signature certificate)
 * @param tenant             EST label: the tenant id
 * @param gatewayId          this gateway's id (the CN of its certificates)
 * @param enrollmentCode     the one-time code from the operator; needed only until the first enrollment
 * @param rootPem            the platform's root CA certificate (PEM), the trust anchor of enrollment and device port;
 *                           written here from {@code /cacerts} when only its fingerprint was configured
 * @param credentialDir      where keys and chains are kept (mode 600)
 * @param rootFingerprint    the SHA-256 fingerprint of the platform root, if configured: the root file must match it
 * @param insecureEnrollment development only: first enrollment over plain HTTP is allowed
 * @param keyCurve           the curve of the keys this gateway makes, if forced by {@value #KEY_CURVE}; empty: the
 *                           curve of the tenant CA's policy, read from the CA that {@code /cacerts} answers
 */
public record UploadSettings(URI platform, URI devicePort, String tenant, String gatewayId, String enrollmentCode,
                             Path rootPem, Path credentialDir, Duration spreadMinimum, Duration spreadWindow,
                             Optional<RootFingerprint> rootFingerprint, boolean insecureEnrollment, Optional<Curve> keyCurve) {

    public static final String INSECURE_ENROLLMENT = "development.insecure-enrollment";
    /** Forces the curve of the gateway's keys instead of following the tenant CA. */
    public static final String KEY_CURVE = "gateway.key-curve";
    /** The values {@value #KEY_CURVE} accepts: the end-entity curves of the two tenant policies. */
    private static final Set<Curve> KEY_CURVES = Set.of(Curve.P256, Curve.BRAINPOOL_P256R1);

    public static final Set<String> KEYS = Set.of("platform.url", "platform.device.url", "platform.tenant",
            "platform.root", "platform.root-sha256", "gateway.id", "enrollment.code", INSECURE_ENROLLMENT, KEY_CURVE);

    /** @throws IllegalArgumentException for a plain-HTTP URL outside the development mode */
    public UploadSettings {
        requireTls("platform.url", platform, insecureEnrollment);
        requireTls("platform.device.url", devicePort, false);
    }

    /** Pinned to the root file, no development mode. */
    public UploadSettings(URI platform, URI devicePort, String tenant, String gatewayId, String enrollmentCode,
                          Path rootPem, Path credentialDir, Duration spreadMinimum, Duration spreadWindow) {
        this(platform, devicePort, tenant, gatewayId, enrollmentCode, rootPem, credentialDir, spreadMinimum, spreadWindow,
                Optional.empty(), false, Optional.empty());
    }

    /** {@code null} when {@code platform.url} is absent; relative paths against {@code base}. */
    public static UploadSettings parse(Properties p, Path base, Path dataDir) {
        String url = p.getProperty("platform.url", "").trim();
        if (url.isEmpty()) {
            return null;
        }
        String fingerprint = p.getProperty("platform.root-sha256", "").trim();
        Optional<RootFingerprint> pin;
        try {
            pin = fingerprint.isEmpty() ? Optional.empty() : Optional.of(RootFingerprint.parse(fingerprint));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("platform.root-sha256: " + e.getMessage(), e);
        }
        String insecure = p.getProperty(INSECURE_ENROLLMENT, "false").trim();
        if (!insecure.equals("true") && !insecure.equals("false")) {
            throw new IllegalArgumentException(INSECURE_ENROLLMENT + " must be true or false, was " + insecure);
        }
        return new UploadSettings(URI.create(url), URI.create(required(p, "platform.device.url")), required(p, "platform.tenant"),
                required(p, "gateway.id"), p.getProperty("enrollment.code", "").trim(),
                base.resolve(required(p, "platform.root")), dataDir.resolve("credentials"),
                Duration.ofMinutes(5), Duration.ofHours(4), pin, Boolean.parseBoolean(insecure),
                keyCurve(p.getProperty(KEY_CURVE, "").trim()));
    }

    /** Empty for an empty value; else one of {@link #KEY_CURVES} by any of its names. */
    static Optional<Curve> keyCurve(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Curve curve = Curve.parse(value);
            if (KEY_CURVES.contains(curve)) {
                return Optional.of(curve);
            }
        } catch (IllegalArgumentException unknown) {
            // named below together with the allowed values
        }
        throw new IllegalArgumentException(KEY_CURVE + "=" + value + " is not allowed: use P-256 or brainpoolP256r1,"
                + " or leave it out to make keys on the curve of the tenant CA");
    }

    private static void requireTls(String key, URI url, boolean plainAllowed) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && plainAllowed) {
            return;
        }
        if (scheme.equals("http")) {
            throw new IllegalArgumentException(key + " " + url + " is plain HTTP: the platform is not authenticated and"
                    + " the enrollment code travels readable. Use the device port's https URL (e.g. https://platform:8443),"
                    + (key.equals("platform.url") ? " or for development only set " + INSECURE_ENROLLMENT + "=true" : "")
                    + ".");
        }
        throw new IllegalArgumentException(key + " must be an https URL, was " + url);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(key + " is required when platform.url is set");
        }
        return v;
    }
}
