package org.smgwlite.platform.rest.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.ReportService;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;

/**
 * A household's month report, calculated now: {@code GET /api/tenants/<tenant>/households/<id>/reports/2026-10}
 * (TAF 7 completeness, TAF 1 boundary readings and energy, TAF 2 zones and error register per register). An operator
 * of the tenant reads every household, a household user only its own; any other household is 404, like a missing one.
 */
@Path("tenants/{tenant}/households/{id}/reports/{month}")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdReportResource {

    @Inject
    ReportService reports;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @PathParam("id")
    long householdId;

    @PathParam("month")
    String monthParam;

    @GET
    public ReportViews.HouseholdReportView report() {
        TenantId tenant = InputIds.tenant(tenantParam);
        return ReportViews.HouseholdReportView.of(reports.household(tenant, callers.householdViewer(tenant), householdId,
                BillingMonth.parse(monthParam)));
    }
}
