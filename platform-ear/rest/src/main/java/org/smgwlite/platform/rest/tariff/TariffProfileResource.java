package org.smgwlite.platform.rest.tariff;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.rest.household.HouseholdResource;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tariff.TariffProfileDetails;
import org.smgwlite.platform.tariff.TariffProfileSummary;
import org.smgwlite.platform.tariff.TariffService;

/**
 * {@code /api/tenants/<tenant>/tariff-profiles}: an operator's TAF 2 tariff profiles (or a platform administrator's in
 * any tenant). A profile is created with its first version; a change is a new version from a date on (today or later),
 * the history stays. Bad zones are 400 with the field, weekday and time ({@code fields}); nothing is stored.
 */
@Path("tenants/{tenant}/tariff-profiles")
@Produces(MediaType.APPLICATION_JSON)
public class TariffProfileResource {

    @Inject
    TariffService tariffs;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    public record NewProfile(String name, String validFrom, List<ZoneRulesJson.Rule> zones) {
    }

    public record NewVersion(String validFrom, List<ZoneRulesJson.Rule> zones) {
    }

    public record ProfileView(long id, String name, long version, String createdAt, long households,
                              List<ZoneRulesJson.VersionView> versions) {
        static ProfileView of(TariffProfileDetails d) {
            return new ProfileView(d.id(), d.name(), d.version(), d.createdAt().toString(), d.households(),
                    d.versions().stream().map(ZoneRulesJson.VersionView::of).toList());
        }
    }

    public record SummaryView(long id, String name, int versions, String currentFrom, List<String> currentZones,
                              String latestFrom, long households) {
        static SummaryView of(TariffProfileSummary s) {
            return new SummaryView(s.id(), s.name(), s.versions(), text(s.currentFrom()), s.currentZones(),
                    text(s.latestFrom()), s.households());
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * One page of the profiles by name ({@code offset}, {@code limit} up to {@value PageRequest#MAX_LIMIT}, default
     * 100; {@code search}: a name prefix, any case); the header {@code X-Total-Count} says how many match.
     */
    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        TenantId tenant = tenant();
        List<SummaryView> page = tariffs.page(tenant, search, new PageRequest(offset, limit)).stream().map(SummaryView::of).toList();
        return Response.ok(page).header(HouseholdResource.TOTAL, tariffs.count(tenant, search)).build();
    }

    /** 201 with the profile; 400 naming {@code name}, {@code validFrom} or {@code zones...}; 409 for a taken name. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewProfile body) {
        NewProfile b = body == null ? new NewProfile(null, null, null) : body;
        TenantId tenant = tenant();
        TariffProfileDetails created = tariffs.create(tenant, actor(), b.name(), ZoneRulesJson.draft(b.validFrom(), b.zones()));
        return Response.status(201).entity(ProfileView.of(created)).build();
    }

    @GET
    @Path("{id}")
    public ProfileView get(@PathParam("id") long id) {
        return ProfileView.of(tariffs.get(tenant(), id));
    }

    /** 201 with the profile and its new version; 400 naming {@code validFrom} (past, taken) or {@code zones...}. */
    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addVersion(@PathParam("id") long id, NewVersion body) {
        NewVersion b = body == null ? new NewVersion(null, null) : body;
        TenantId tenant = tenant();
        return Response.status(201)
                .entity(ProfileView.of(tariffs.addVersion(tenant, actor(), id, ZoneRulesJson.draft(b.validFrom(), b.zones()))))
                .build();
    }

    /** 204; 409 while a household uses the profile. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        TenantId tenant = tenant();
        tariffs.delete(tenant, actor(), id);
        return Response.noContent().build();
    }

    private TenantId tenant() {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        return tenant;
    }

    private String actor() {
        return "operator:" + callers.requireTenant(InputIds.tenant(tenantParam), "operator").username();
    }
}
