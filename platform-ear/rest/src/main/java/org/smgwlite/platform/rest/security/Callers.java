package org.smgwlite.platform.rest.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.Viewer;

/**
 * The operator API's access rule, in one place: a valid bearer token with one of the roles, and a tenant
 * that is the caller's own (claim {@code tenant}); a platform administrator may act in any tenant, and only a platform
 * administrator may edit tenants.
 */
@RequestScoped
public class Callers {

    @Inject
    AccessTokens tokens;

    @Inject
    HttpServletRequest request;

    private Caller verified;

    /**
     * @throws NotAuthorizedException (401) without a valid bearer token
     * @throws ForbiddenException     (403) without the role or for another tenant
     */
    public Caller requireTenant(TenantId tenant, String... roles) {
        Caller caller = authenticated();
        if (caller.hasRole("platform-admin")) {
            return caller;
        }
        if (Arrays.stream(roles).noneMatch(caller::hasRole)) {
            throw new ForbiddenException("user " + caller.username() + " lacks the role " + String.join(" or ", roles));
        }
        if (caller.tenant().filter(tenant.value()::equals).isEmpty()) {
            throw new ForbiddenException("user " + caller.username() + " of tenant " + caller.tenant().orElse("none")
                    + " may not act in tenant " + tenant);
        }
        return caller;
    }

    /**
     * The caller as a viewer of the tenant's households: an operator of the tenant (or a platform administrator) sees
     * every one, a household user only those it views.
     *
     * @throws NotAuthorizedException (401) without a valid bearer token
     * @throws ForbiddenException     (403) without either role or for another tenant
     */
    public Viewer householdViewer(TenantId tenant) {
        Caller caller = requireTenant(tenant, "operator", "household");
        return caller.hasRole("operator") || caller.hasRole("platform-admin")
                ? Viewer.operator(caller.username())
                : Viewer.household(caller.username());
    }

    /**
     * For endpoints about the caller itself ({@code /api/me/...}): a valid bearer token with one of the roles and a
     * tenant of its own (claim {@code tenant}), which is the tenant the answer comes from.
     *
     * @throws NotAuthorizedException (401) without a valid bearer token
     * @throws ForbiddenException     (403) without the role or without a tenant (a platform administrator has none)
     */
    public Caller requireOwnTenant(String... roles) {
        Caller caller = authenticated();
        if (Arrays.stream(roles).noneMatch(caller::hasRole)) {
            throw new ForbiddenException("user " + caller.username() + " lacks the role " + String.join(" or ", roles));
        }
        if (caller.tenant().isEmpty()) {
            throw new ForbiddenException("user " + caller.username() + " belongs to no tenant");
        }
        return caller;
    }

    /**
     * @throws NotAuthorizedException (401) without a valid bearer token
     * @throws ForbiddenException     (403) for anyone but a platform administrator
     */
    public Caller requirePlatformAdmin() {
        Caller caller = authenticated();
        if (!caller.hasRole("platform-admin")) {
            throw new ForbiddenException("user " + caller.username() + " is not a platform administrator");
        }
        return caller;
    }

    private Caller authenticated() {
        if (verified == null) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotAuthorizedException("a bearer token is required", "Bearer realm=\"smgw\"");
            }
            try {
                verified = tokens.verify(authorization.substring(7).strip());
            } catch (InvalidTokenException e) {
                throw new NotAuthorizedException("bearer token refused: " + e.getMessage(), invalidTokenChallenge(e.getMessage()));
            }
        }
        return verified;
    }

    /**
     * The RFC 6750 challenge for a refused token. The description says what was wrong; characters the
     * quoted-string of {@code error_description} may not hold (quotes, backslashes, non-ASCII) become {@code ?}.
     */
    static String invalidTokenChallenge(String description) {
        StringBuilder safe = new StringBuilder();
        description.codePoints().limit(200).forEach(c -> safe.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? (char) c : '?'));
        return "Bearer realm=\"smgw\", error=\"invalid_token\", error_description=\"" + safe + "\"";
    }
}
