package org.smgwlite.platform.rest.audit;

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
import org.smgwlite.platform.audit.AuditCursor;
import org.smgwlite.platform.audit.AuditEvent;
import org.smgwlite.platform.audit.AuditFilter;
import org.smgwlite.platform.audit.AuditPage;
import org.smgwlite.platform.audit.AuditScope;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.rest.Formats;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The query parameters every audit endpoint takes ({@code gateway, kind, from, to, after, limit, format}) and the one
 * way they are answered from the {@link AuditTrail}, whichever scope the endpoint allowed: a page with
 * {@code nextCursor} (null on the last page) to pass as {@code after}, or with {@code format=csv} every matching event
 * as one CSV stream (no paging). A bad parameter is a 400 naming it, before anything is streamed.
 */
public class AuditQuery {

    static final String CSV = "text/csv";

    @QueryParam("gateway")
    String gateway;
    @QueryParam("kind")
    String kind;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("after")
    String after;
    @QueryParam("limit")
    String limit;
    @QueryParam("format")
    String format;

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

    /** The events of {@code scope}; the CSV download is named {@code audit-<fileStem>.csv}. Call after the access check. */
    Response answer(AuditTrail trail, AuditScope scope, String fileStem) {
        AuditFilter filter = AuditFilter.parse(gateway, kind, from, to);
        if (Formats.asks(format, "csv")) {
            StreamingOutput body = out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                trail.writeCsv(scope, filter, writer);
                writer.flush();
            };
            return Response.ok(body, CSV + "; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + fileStem + ".csv\"").build();
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
