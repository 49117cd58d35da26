package org.smgwlite.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Browser sign-in: the Authorization Code flow against Keycloak. Keycloak puts the realm roles
 * into the {@code groups} claim, which the EAR maps to the roles of the same name, and the
 * username into {@code preferred_username}. After the callback the browser lands on
 * {@link OidcCallbackView}, which opens the start page: Soteria's "redirect to original resource"
 * replays the first request with a parameter map of {@code null}, on which Vaadin fails.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/" + OidcCallbackView.PATH,
        redirectToOriginalResource = false,
        scope = {"openid", "profile", "email"},
        claimsDefinition = @ClaimsDefinition(
                callerNameClaim = "preferred_username",
                callerGroupsClaim = "groups"))
@ApplicationScoped
public class OidcLogin {
}
