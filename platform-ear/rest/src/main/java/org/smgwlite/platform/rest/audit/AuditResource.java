package org.smgwlite.platform.rest.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditCursor;
import org.smgwlite.platform.audit.AuditEvent;
import org.smgwlite.platform.audit.AuditFilter;
import org.smgwlite.platform.audit.AuditPage;
import org.smgwlite.platform.audit.AuditScope;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.rest.Formats;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * {@code GET /api/tenants/<tenant>/audit-events?gateway=&kind=&from=&to=&after=<cursor>&limit=}: the tenant's audit
 * events newest first, a page with {@code nextCursor} (null on the last page) to pass as {@code after}; with
 * {@code format=csv} every matching event as one CSV stream (no paging). The same {@link AuditTrail} calls as the
 * audit view. A bad parameter is a 400 naming it, before anything is streamed.
 */
@Path("tenants/{tenant}/audit-events")
public class AuditResource {

    static final String CSV = "text/csv";

    @Inject
    AuditTrail trail;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    public record EventView(long id, Instant at, String tenant, String actor, String kind, String subject, String outcome,
                            String detail) {
        static EventView of(AuditEvent e) {
            return new EventView(e.id(), e.at(), e.tenantId() == null ? null : e.tenantId().value(), e.actor(), e.action().name(),
                    e.subject(), e.outcome().name(), e.detail());
        }
    }

    public record PageView(List<EventView> events, String nextCursor) {
        static PageView of(AuditPage page) {
            return new PageView(page.events().stream().map(EventView::of).toList(), page.next().map(AuditCursor::token).orElse(null));
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response events(@QueryParam("gateway") String gateway, @QueryParam("kind") String kind, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("after") String after, @QueryParam("limit") String limit,
                           @QueryParam("format") String format) {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        AuditScope scope = AuditScope.tenant(tenant);
        AuditFilter filter = AuditFilter.parse(gateway, kind, from, to);
        if (Formats.asks(format, "csv")) {
            StreamingOutput body = out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                trail.writeCsv(scope, filter, writer);
                writer.flush();
            };
            return Response.ok(body, CSV + "; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + tenant + ".csv\"").build();
        }
        Optional<AuditCursor> cursor = after == null || after.isBlank() ? Optional.empty() : Optional.of(AuditCursor.parse(after));
        return Response.ok(PageView.of(trail.page(scope, filter, cursor, limit(limit))), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The page size: {@value AuditTrail#DEFAULT_PAGE_SIZE} if none, else 1..{@value AuditTrail#MAX_PAGE_SIZE}. */
    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return AuditTrail.DEFAULT_PAGE_SIZE;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= AuditTrail.MAX_PAGE_SIZE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + AuditTrail.MAX_PAGE_SIZE + ", was '" + value + "'");
    }
}
