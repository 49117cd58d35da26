package org.smgwlite.platform.rest.household;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * {@code GET /api/tenants/<tenant>/households}: the tenant's households, read-only, for an operator of that
 * tenant (or a platform administrator). A gateway is registered for a household by its {@code id}.
 */
@Path("tenants/{tenant}/households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    @Inject
    HouseholdService households;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    public record HouseholdView(long id, String name, String messlokationId, String meterId, String viewerUsername) {
        static HouseholdView of(Household h) {
            return new HouseholdView(h.id(), h.name(), h.messlokationId(), h.meterId(), h.viewerUsername());
        }
    }

    @GET
    public List<HouseholdView> list() {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        return households.list(tenant).stream().map(HouseholdView::of).toList();
    }
}
