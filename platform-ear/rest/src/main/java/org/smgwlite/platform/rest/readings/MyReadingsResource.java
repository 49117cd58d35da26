package org.smgwlite.platform.rest.readings;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.rest.security.Caller;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * {@code GET /api/me/readings?from=&to=&format=[&household=<id>]}: the readings of the household the caller's own
 * token views, for another system holding a household login. A caller viewing several households names one
 * ({@link HouseholdChoice}); the answer is that of {@link ReadingsResource}.
 */
@Path("me/readings")
public class MyReadingsResource {

    @Inject
    ReadingsAnswers answers;

    @Inject
    HouseholdService households;

    @Inject
    Callers callers;

    @GET
    @Produces({"application/json", "text/csv", "application/EDIFACT"})
    public Response readings(@BeanParam ReadingsQuery query, @QueryParam("household") String household) {
        Caller caller = callers.requireOwnTenant("household");
        TenantId tenant = InputIds.tenant(caller.tenant().orElseThrow());
        long householdId = HouseholdChoice.choose(caller.username(), households.viewableBy(tenant, caller.username()).stream()
                .map(h -> new HouseholdChoice.Option(h.id(), h.name())).toList(), household);
        return answers.answer(tenant, Viewer.household(caller.username()), householdId, query);
    }
}
