package org.smgwlite.platform.deployment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.platform.certificate.PkiSettings;

/**
 * Checks at deployment which development values are in effect ({@link DevelopmentValues}): in production mode the
 * deployment fails with one message naming each; in development mode one warning names each. The platform root
 * asks here before it creates a development root, so no start-up order lets one come into being in production.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeploymentGuard {

    private static final Logger LOG = Logger.getLogger(DeploymentGuard.class.getName());

    @Inject
    @ConfigProperty(name = DeploymentMode.SETTING, defaultValue = "production")
    String mode;

    @Inject
    @ConfigProperty(name = "smgw.oidc.client-secret", defaultValue = DevelopmentValue.DEV_OIDC_CLIENT_SECRET)
    String oidcClientSecret;

    @Inject
    PkiSettings pki;

    private DeploymentMode deploymentMode;

    @PostConstruct
    void check() {
        deploymentMode = DeploymentMode.parse(mode);
        List<DevelopmentValue> inUse = DevelopmentValues.inUse(pki.developmentCheck(oidcClientSecret));
        try {
            DevelopmentValues.enforce(deploymentMode, inUse).ifPresentOrElse(LOG::warning,
                    () -> LOG.info(() -> "running in " + deploymentMode.name().toLowerCase(Locale.ROOT) + " mode, no development values in effect"));
        } catch (IllegalStateException refusal) {
            LOG.severe(refusal.getMessage());
            throw refusal;
        }
    }

    public DeploymentMode mode() {
        return deploymentMode;
    }

    /** @throws IllegalStateException in production mode: a root must be configured, never made up here */
    public void requireDevelopmentRootAllowed() {
        DevelopmentValues.enforce(deploymentMode, List.of(DevelopmentValue.DEVELOPMENT_ROOT_CA));
    }
}
