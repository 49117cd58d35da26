package org.smgwlite.platform.rest.gateway;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.RenewalWatch;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.PageRequest;

/**
 * {@code /api/tenants/<tenant>/certificates}: the tenant's certificates across its gateways, for an operator of the
 * tenant or a platform administrator ({@link Callers}).
 */
@Path("tenants/{tenant}/certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    @Inject
    RenewalWatch renewals;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    /** A certificate due for renewal, with its gateway. */
    public record DueView(String gatewayId, long householdId, GatewayResource.CertificateView certificate) {
    }

    /**
     * Each gateway's newest valid certificate per profile that ends within 30 days ({@code EXPIRING}) or has ended
     * ({@code EXPIRED}: the gateway did not renew), soonest first, a page at a time.
     */
    @GET
    @Path("expiring")
    public List<DueView> expiring(@QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        Instant now = Instant.now();
        return renewals.due(tenant, new PageRequest(offset, limit)).stream()
                .map(d -> new DueView(d.gatewayId(), d.householdId(), GatewayResource.CertificateView.of(d.certificate(), now)))
                .toList();
    }
}
