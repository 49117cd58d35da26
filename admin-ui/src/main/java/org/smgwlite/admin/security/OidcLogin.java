package org.smgwlite.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Browser sign-in: the Authorization Code flow against Keycloak. Keycloak puts the realm roles
 * into the {@code groups} claim, which the EAR maps to the roles of the same name, and the
 * username into {@code preferred_username}. After the callback the browser returns to the page
 * it first asked for.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/oidc-callback",
        redirectToOriginalResource = true,
        scope = {"openid", "profile", "email"},
        claimsDefinition = @ClaimsDefinition(
                callerNameClaim = "preferred_username",
                callerGroupsClaim = "groups"))
@ApplicationScoped
public class OidcLogin {
}
