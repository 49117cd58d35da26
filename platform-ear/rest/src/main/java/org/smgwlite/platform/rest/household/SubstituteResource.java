package org.smgwlite.platform.rest.household;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.substitute.SubstituteOutcome;
import org.smgwlite.platform.metering.substitute.SubstituteService;
import org.smgwlite.platform.rest.readings.ReadingsPeriod;
import org.smgwlite.platform.rest.security.Caller;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * Substitute values on demand: {@code POST /api/tenants/<tenant>/households/<id>/substitutes?from=2026-11-01&to=2026-11-30}
 * fills the household's gaps that start on the local days from to to, both inclusive like every date range of the API
 * ({@link ReadingsPeriod}: at most a year, nothing in the future) and answers what was made, replaced and left open.
 * The same {@link SubstituteService#make} the day-after timer's rules apply; running it twice makes nothing new. An operator of the tenant or a platform administrator only.
 */
@Path("tenants/{tenant}/households/{id}/substitutes")
@Produces(MediaType.APPLICATION_JSON)
public class SubstituteResource {

    @Inject
    SubstituteService substitutes;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @PathParam("id")
    long householdId;

    public record OutcomeView(LocalDate from, LocalDate to, int made, int replaced, int gapsLeft) {
    }

    @POST
    public OutcomeView make(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        TenantId tenant = InputIds.tenant(tenantParam);
        Caller caller = callers.requireTenant(tenant, "operator");
        CurveRange days = ReadingsPeriod.parse(fromParam, toParam, LocalDate.now(CurveRange.BERLIN));
        SubstituteOutcome outcome = substitutes.make(tenant, caller.username(), householdId, days.first(),
                days.endExclusive());
        return new OutcomeView(days.first(), days.endExclusive().minusDays(1), outcome.made(), outcome.replaced(),
                outcome.gapsLeft());
    }
}
