package org.smgwlite.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InputIds;

/**
 * The signed-in user of the current request: username and the tenant carried in the token's {@code tenant}
 * claim. Views ask this, never the token directly. The role names are the ones the views'
 * {@code @RolesAllowed} use; which view a role may open is written only there.
 */
@ApplicationScoped
public class CurrentUser {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String OPERATOR = "operator";
    public static final String HOUSEHOLD = "household";

    @Inject
    SecurityContext security;

    @Inject
    OpenIdContext openId;

    public String username() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    /** Whether the user may act in every tenant. */
    public boolean isPlatformAdmin() {
        return security.isCallerInRole(PLATFORM_ADMIN);
    }

    /** The user's tenant, or empty for a platform admin (who belongs to none). */
    public Optional<TenantId> tenant() {
        Optional<String> claim = openId.getIdentityToken().getJwtClaims().getStringClaim("tenant");
        if (claim.isEmpty()) {
            claim = openId.getAccessToken().getJwtClaims().getStringClaim("tenant");
        }
        return claim.filter(s -> !s.isBlank()).map(InputIds::tenant);
    }

    /** The tenant an operator or household user works in; refuses a user without one. */
    public TenantId requireTenant() {
        return tenant().orElseThrow(() -> new AccessDeniedException(
                "your account " + username() + " is not assigned to a tenant; ask a platform administrator"));
    }
}
