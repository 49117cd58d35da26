package org.smgwlite.platform.rest.household;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.substitute.SubstituteOutcome;
import org.smgwlite.platform.metering.substitute.SubstituteService;
import org.smgwlite.platform.rest.security.Caller;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Substitute values on demand: {@code POST /api/tenants/<tenant>/households/<id>/substitutes?from=2026-11-01&to=2026-12-01}
 * fills the household's gaps that start on the local days [from, to) (to exclusive; at most a year, nothing in the
 * future) and answers what was made, replaced and left open. The same {@link SubstituteService#make} the day-after
 * timer's rules apply; running it twice makes nothing new. An operator of the tenant or a platform administrator only.
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
        LocalDate from = date("from", fromParam);
        LocalDate to = date("to", toParam);
        SubstituteOutcome outcome = substitutes.make(tenant, caller.username(), householdId, from, to);
        return new OutcomeView(from, to, outcome.made(), outcome.replaced(), outcome.gapsLeft());
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required, an ISO date like 2026-11-30");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO date like 2026-11-30, was '" + value + "'");
        }
    }
}
