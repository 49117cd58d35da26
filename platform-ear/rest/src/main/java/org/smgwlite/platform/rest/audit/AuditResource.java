package org.smgwlite.platform.rest.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditScope;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * {@code GET /api/tenants/<tenant>/audit-events?gateway=&kind=&from=&to=&after=<cursor>&limit=&format=}: the tenant's
 * audit events newest first for an operator of the tenant (or a platform administrator), answered as
 * {@link AuditQuery} says; the same {@link AuditTrail} calls as the audit view.
 */
@Path("tenants/{tenant}/audit-events")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @GET
    @Produces({MediaType.APPLICATION_JSON, AuditQuery.CSV})
    public Response events(@BeanParam AuditQuery query) {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        return query.answer(trail, AuditScope.tenant(tenant), tenant.value());
    }
}
