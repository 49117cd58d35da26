package org.smgwlite.platform.rest.readings;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * {@code GET /api/tenants/<tenant>/households/<id>/readings?from=2026-01-01&to=2026-12-31&format=csv|json|mscons}: a
 * household's quarter hours for whole local days ({@link ReadingsPeriod}), streamed ({@link ReadingsAnswers}). An
 * operator of the tenant (or a platform administrator) reads every household of it, a household user only its own;
 * any other household is 404, like a missing one (the rule of {@code HouseholdEnergyResource}).
 */
@Path("tenants/{tenant}/households/{id}/readings")
public class ReadingsResource {

    @Inject
    ReadingsAnswers answers;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @PathParam("id")
    long householdId;

    @GET
    @Produces({"application/json", "text/csv", "application/EDIFACT"})
    public Response readings(@BeanParam ReadingsQuery query) {
        TenantId tenant = InputIds.tenant(tenantParam);
        return answers.answer(tenant, callers.householdViewer(tenant), householdId, query);
    }
}
