package org.smgwlite.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.platform.deployment.DevelopmentValue;

/**
 * The OpenID Connect provider settings, from MicroProfile Config ({@code SMGW_OIDC_PROVIDER_URI},
 * {@code SMGW_OIDC_CLIENT_ID}, {@code SMGW_OIDC_CLIENT_SECRET} in the environment). Named so that
 * the mechanism definition in {@link OidcLogin} can refer to it by expression. The client secret's default is the
 * demo realm's development secret, which {@link org.smgwlite.platform.deployment.DeploymentGuard} refuses in
 * production mode.
 */
@ApplicationScoped
@Named("oidcSettings")
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "smgw.oidc.provider-uri", defaultValue = "http://localhost:8180/realms/smgw")
    String providerUri;

    @Inject
    @ConfigProperty(name = "smgw.oidc.client-id", defaultValue = "smgw-platform")
    String clientId;

    @Inject
    @ConfigProperty(name = "smgw.oidc.client-secret", defaultValue = DevelopmentValue.DEV_OIDC_CLIENT_SECRET)
    String clientSecret;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** Keycloak's end-session endpoint, returning the browser to {@code returnTo} afterwards. */
    public String logoutUrl(String returnTo) {
        return providerUri + "/protocol/openid-connect/logout?client_id="
                + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri="
                + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8);
    }
}
