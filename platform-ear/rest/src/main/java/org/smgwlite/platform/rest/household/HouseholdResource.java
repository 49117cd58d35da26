package org.smgwlite.platform.rest.household;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * {@code GET /api/tenants/<tenant>/households}: the tenant's households, paged and searched, read-only, for an operator of that
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

    /** @param tariffProfileId the household's TAF 2 tariff profile, null for none */
    public record HouseholdView(long id, String name, String messlokationId, String meterId, String viewerUsername,
                                Long tariffProfileId) {
        static HouseholdView of(Household h) {
            return new HouseholdView(h.id(), h.name(), h.messlokationId(), h.meterId(), h.viewerUsername(),
                    h.tariffProfileId().orElse(null));
        }
    }

    /**
     * One page of the tenant's households by name ({@code offset}, {@code limit} up to
     * {@value PageRequest#MAX_LIMIT}, default {@value #DEFAULT_LIMIT}); {@code search} matches the start of the name,
     * the city or the Messlokation. The header {@value #TOTAL} carries how many match in all.
     */
    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit) {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        List<HouseholdView> page = households.page(tenant, search, new PageRequest(offset, limit)).stream()
                .map(HouseholdView::of).toList();
        return Response.ok(page).header(TOTAL, households.count(tenant, search)).build();
    }

    static final int DEFAULT_LIMIT = 100;
    /** The response header with the number of matching households. */
    public static final String TOTAL = "X-Total-Count";
}
