package org.smgwlite.platform.rest.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.ReportRun;
import org.smgwlite.platform.metering.report.ReportService;
import org.smgwlite.platform.rest.security.Caller;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.PageRequest;

/**
 * A tenant's month reports for its operators (or a platform administrator):
 * {@code GET /api/tenants/<tenant>/reports/2026-10?search=&offset=0&limit=100} answers the month run's state and a
 * page of its stored results, worst completeness first, with {@value #TOTAL}; {@code POST} the same path starts the
 * run in the background (202, the run's state; a run already going is returned as it is). A month that is not YYYY-MM
 * or has not begun is 400 naming {@code month}.
 */
@Path("tenants/{tenant}/reports/{month}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantReportResource {

    static final int DEFAULT_LIMIT = 100;
    public static final String TOTAL = "X-Total-Count";

    @Inject
    ReportService reports;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @PathParam("month")
    String monthParam;

    @GET
    public Response overview(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                             @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit) {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        BillingMonth month = BillingMonth.parse(monthParam).requireBegun(Instant.now());
        PageRequest page = new PageRequest(offset, limit);
        ReportRun run = reports.run(tenant, month).orElse(null);
        return Response.ok(new ReportViews.OverviewView(month.toString(), ReportViews.RunView.of(run),
                        reports.page(tenant, month, search, page)))
                .header(TOTAL, reports.count(tenant, month, search))
                .build();
    }

    @POST
    public Response start() {
        TenantId tenant = InputIds.tenant(tenantParam);
        Caller caller = callers.requireTenant(tenant, "operator");
        BillingMonth month = BillingMonth.parse(monthParam);
        return Response.accepted(ReportViews.RunView.of(reports.start(tenant, caller.username(), month))).build();
    }
}
