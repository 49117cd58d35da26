package org.smgwlite.platform.rest.tenant;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.rest.household.HouseholdResource;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.rest.tenant.TenantResource.TenantView;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * {@code GET/POST /api/tenants}, for platform administrators: the directory of tenants paged and searched like the
 * tenants view, and a new tenant created through the same {@link TenantService} call with the same checks (a bad id is
 * named {@code tenantId}, as in every other request that carries one; an id that exists is a 409).
 */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    static final int DEFAULT_LIMIT = 100;

    @Inject
    TenantService tenants;

    @Inject
    Callers callers;

    /** A tenant to create; {@code curvePolicy} is optional (none: the configured default applies). */
    public record NewTenant(String id, String name, String kind, String curvePolicy) {
    }

    /**
     * One page of the tenants by name ({@code offset}, {@code limit} up to {@value PageRequest#MAX_LIMIT}, default
     * {@value #DEFAULT_LIMIT}); {@code search} matches the start of the id or the name, any case. The header
     * {@value HouseholdResource#TOTAL} carries how many match in all.
     */
    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit) {
        callers.requirePlatformAdmin();
        List<TenantView> page = tenants.page(search, new PageRequest(offset, limit)).stream().map(TenantView::of).toList();
        return Response.ok(page).header(HouseholdResource.TOTAL, tenants.count(search)).build();
    }

    /** 201 with the tenant and its {@code Location}; every field error of the request at once where it can be. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTenant body, @Context UriInfo uri) {
        callers.requirePlatformAdmin();
        NewTenant wanted = body == null ? new NewTenant(null, null, null, null) : body;
        Map<String, String> errors = new LinkedHashMap<>();
        TenantId id = id(wanted.id(), errors);
        TenantKind kind = TenantResource.kind(wanted.kind(), errors);
        Optional<CurvePolicy> policy = TenantResource.policy(wanted.curvePolicy(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TenantView created = TenantView.of(tenants.create(id, wanted.name(), kind, policy));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    /** The id as the tenants view reads it (surrounding whitespace dropped), its error kept with the others. */
    static TenantId id(String value, Map<String, String> errors) {
        try {
            return InputIds.tenant(value == null ? null : value.strip());
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
            return null;
        }
    }
}
