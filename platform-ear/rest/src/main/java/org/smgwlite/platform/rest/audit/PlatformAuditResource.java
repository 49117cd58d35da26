package org.smgwlite.platform.rest.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditScope;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * {@code GET /api/audit-events?tenant=&gateway=&kind=&from=&to=&after=<cursor>&limit=&format=}, for platform
 * administrators: every tenant's audit events (the platform's own, without a tenant, among them), or one tenant's with
 * {@code tenant}, as the audit view reads them for an administrator; answered as {@link AuditQuery} says.
 */
@Path("audit-events")
public class PlatformAuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Callers callers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, AuditQuery.CSV})
    public Response events(@QueryParam("tenant") String tenant, @BeanParam AuditQuery query) {
        callers.requirePlatformAdmin();
        AuditScope scope = scope(tenant);
        return query.answer(trail, scope, scope.single().map(TenantId::value).orElse("all-tenants"));
    }

    /**
     * Every tenant without {@code tenant} (or blank), else that one.
     *
     * @throws InvalidInputException on field {@code tenant} if it is no tenant id
     */
    static AuditScope scope(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return AuditScope.allTenants();
        }
        try {
            return AuditScope.tenant(TenantId.of(tenant.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tenant", e.getMessage());
        }
    }
}
