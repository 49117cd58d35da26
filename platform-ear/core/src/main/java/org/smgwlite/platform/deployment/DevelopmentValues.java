package org.smgwlite.platform.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which development values are in effect, from the settings as the platform reads them. A plain rule: settings in,
 * named problems out; the {@link DeploymentGuard} decides what a problem means in which mode.
 */
public final class DevelopmentValues {

    /**
     * The settings in effect (defaults applied).
     *
     * @param developmentRoot the PKI directory has no root yet (the platform would create a development one) or
     *                        holds the development root it created
     * @param plainHttpEnrollment EST is also served on the plain browser port
     */
    public record Settings(String oidcClientSecret, String pkiSecret, String pkiPepper, boolean developmentRoot,
                           boolean plainHttpEnrollment) {
    }

    private DevelopmentValues() {
    }

    /** Every development value in effect, in a fixed order; empty when none is. */
    public static List<DevelopmentValue> inUse(Settings settings) {
        List<DevelopmentValue> inUse = new ArrayList<>();
        if (DevelopmentValue.DEV_OIDC_CLIENT_SECRET.equals(settings.oidcClientSecret())) {
            inUse.add(DevelopmentValue.OIDC_CLIENT_SECRET);
        }
        if (DevelopmentValue.DEV_PKI_SECRET.equals(settings.pkiSecret())) {
            inUse.add(DevelopmentValue.PKI_SECRET);
        }
        if (DevelopmentValue.DEV_PKI_PEPPER.equals(settings.pkiPepper())) {
            inUse.add(DevelopmentValue.PKI_PEPPER);
        }
        if (settings.developmentRoot()) {
            inUse.add(DevelopmentValue.DEVELOPMENT_ROOT_CA);
        }
        if (settings.plainHttpEnrollment()) {
            inUse.add(DevelopmentValue.PLAIN_HTTP_ENROLLMENT);
        }
        return List.copyOf(inUse);
    }

    /**
     * What the values in use mean in this mode: in production any is a refusal, in development each is named in
     * a warning.
     *
     * @return the warning to log; empty when no development value is in use
     * @throws IllegalStateException in production mode, with the {@link #message} naming each value
     */
    public static Optional<String> enforce(DeploymentMode mode, List<DevelopmentValue> inUse) {
        if (inUse.isEmpty()) {
            return Optional.empty();
        }
        if (mode == DeploymentMode.PRODUCTION) {
            throw new IllegalStateException(message(mode, inUse));
        }
        return Optional.of(message(mode, inUse));
    }

    /**
     * The one log message for these values in this mode: in production the refusal, in development the warning.
     */
    public static String message(DeploymentMode mode, List<DevelopmentValue> inUse) {
        StringBuilder message = new StringBuilder();
        if (mode == DeploymentMode.PRODUCTION) {
            message.append("production mode (").append(DeploymentMode.SETTING).append("=production) refuses to start: ")
                    .append(inUse.size()).append(" development value(s) in effect:");
        } else {
            message.append("DEVELOPMENT mode (").append(DeploymentMode.SETTING)
                    .append("=development): running on development values published in the repository:");
        }
        inUse.forEach(value -> message.append("\n  - ").append(value.describe()));
        if (mode == DeploymentMode.PRODUCTION) {
            message.append("\n(").append(DeploymentMode.SETTING).append("=development, SMGW_MODE=development, allows them on a development machine)");
        }
        return message.toString();
    }
}
