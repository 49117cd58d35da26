package org.smgwlite.platform.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.enrollment.EnrollmentCodes;
import org.smgwlite.platform.deployment.DevelopmentValue;
import org.smgwlite.platform.deployment.DevelopmentValues;
import org.smgwlite.platform.listener.DevicePortSettings;

/**
 * The PKI's configuration (MicroProfile Config; environment {@code SMGW_PKI_SECRET} and so on):
 * <ul>
 * <li>{@code smgw.pki.secret}: encrypts the CA private keys (at least 16 characters);</li>
 * <li>{@code smgw.pki.pepper}: keys the enrollment-code hashes (at least 32 characters);</li>
 * <li>{@code smgw.pki.dir}: the root CA ({@code root/ca-chain.pem}, {@code root/ca-key.pem}, the layout of
 *     {@code pki/pki init-root}), optional offline tenant CAs ({@code tenants/<tenant>/}) and the device port's
 *     key and trust stores ({@code device-port/}); default {@code <domain>/smgw-pki};</li>
 * <li>{@code smgw.pki.policy} (default {@code nist}) and {@code smgw.pki.policy.<tenant>}: the curve policy of
 *     a tenant CA created by the platform for a tenant that has none chosen (a platform administrator chooses it per
 *     tenant, stored in {@code tenant.curve_policy});</li>
 * <li>{@code smgw.pki.crl-validity} (ISO-8601 duration, default {@code PT1H}): a CRL's nextUpdate.</li>
 * </ul>
 * The secret and the pepper have <b>development defaults</b> so that the run command works out of the box;
 * {@link org.smgwlite.platform.deployment.DeploymentGuard} refuses them in production mode and warns of them in
 * development mode. Neither is ever logged or returned.
 */
@ApplicationScoped
public class PkiSettings {

    @Inject
    @ConfigProperty(name = "smgw.pki.secret", defaultValue = DevelopmentValue.DEV_PKI_SECRET)
    String secret;

    @Inject
    @ConfigProperty(name = "smgw.pki.pepper", defaultValue = DevelopmentValue.DEV_PKI_PEPPER)
    String pepper;

    @Inject
    @ConfigProperty(name = "smgw.pki.dir")
    Optional<String> dir;

    @Inject
    @ConfigProperty(name = "smgw.pki.policy", defaultValue = "nist")
    String defaultPolicy;

    @Inject
    @ConfigProperty(name = "smgw.pki.crl-validity", defaultValue = "PT1H")
    String crlValidity;

    @Inject
    @ConfigProperty(name = "smgw.device-port.hosts", defaultValue = "localhost")
    List<String> devicePortHosts;

    @Inject
    @ConfigProperty(name = "smgw.device-port.ips", defaultValue = "127.0.0.1")
    List<String> devicePortIps;

    @Inject
    Config config;

    private EnrollmentCodes enrollmentCodes;

    @PostConstruct
    void check() {
        if (secret.length() < 16) {
            throw new IllegalStateException("smgw.pki.secret must have at least 16 characters");
        }
        if (pepper.length() < EnrollmentCodes.MIN_PEPPER_BYTES) {
            throw new IllegalStateException("smgw.pki.pepper must have at least " + EnrollmentCodes.MIN_PEPPER_BYTES + " characters");
        }
        enrollmentCodes = new EnrollmentCodes(pepper.getBytes(StandardCharsets.UTF_8));
    }

    /** The PKI's part of the development-value check, with the OIDC client secret the caller read. */
    public DevelopmentValues.Settings developmentCheck(String oidcClientSecret) {
        return new DevelopmentValues.Settings(oidcClientSecret, secret, pepper, PlatformRoot.isDevelopmentRoot(dir()),
                DevicePortSettings.current().plainHttpEnrollment());
    }

    /** A fresh copy of the CA key secret; callers overwrite it when done. */
    char[] secret() {
        return secret.toCharArray();
    }

    public EnrollmentCodes enrollmentCodes() {
        return enrollmentCodes;
    }

    public Path dir() {
        if (dir.isPresent() && !dir.get().isBlank()) {
            return Path.of(dir.get());
        }
        String domain = System.getProperty("com.sun.aas.instanceRoot");
        return domain != null ? Path.of(domain, "smgw-pki") : Path.of(System.getProperty("java.io.tmpdir"), "smgw-pki");
    }

    /** The configured default policy of {@code tenant}, for a tenant without a chosen one. */
    CurvePolicy policyFor(TenantId tenant) {
        return CurvePolicy.parse(config.getOptionalValue("smgw.pki.policy." + tenant.value(), String.class).orElse(defaultPolicy));
    }

    Duration crlValidity() {
        return Duration.parse(crlValidity);
    }

    List<String> devicePortHosts() {
        return devicePortHosts;
    }

    List<String> devicePortIps() {
        return devicePortIps;
    }

    @Override
    public String toString() {
        return "PkiSettings[dir=" + dir() + ", secret=****, pepper=****]";
    }
}
