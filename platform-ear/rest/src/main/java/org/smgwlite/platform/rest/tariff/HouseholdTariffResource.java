package org.smgwlite.platform.rest.tariff;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.tariff.TariffCalendar;
import org.smgwlite.platform.tariff.TariffService;

/**
 * {@code PUT /api/tenants/<tenant>/households/<id>/tariff-profile} with {@code {"profileId": n}} or
 * {@code {"profileId": null}} (or no body): the household's TAF 2 tariff profile, for an operator. 404 for a household
 * not of the tenant, 400 naming {@code profileId} for a profile not of the tenant.
 */
@Path("tenants/{tenant}/households/{id}/tariff-profile")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdTariffResource {

    @Inject
    TariffService tariffs;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @PathParam("id")
    long householdId;

    public record Assignment(Long profileId) {
    }

    /** The household's profile after the change; {@code profileName} null for none. */
    public record AssignmentView(long householdId, Long profileId, String profileName) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public AssignmentView assign(Assignment body) {
        TenantId tenant = InputIds.tenant(tenantParam);
        String actor = "operator:" + callers.requireTenant(tenant, "operator").username();
        Long profileId = body == null ? null : body.profileId();
        tariffs.assign(tenant, actor, householdId, profileId);
        TariffCalendar calendar = tariffs.calendarOf(tenant, householdId);
        return new AssignmentView(householdId, profileId, calendar.profileName());
    }
}
