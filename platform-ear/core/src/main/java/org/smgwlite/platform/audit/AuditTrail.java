package org.smgwlite.platform.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * Reads the audit log a page at a time, newest first, by keyset on (at, id): a page costs the same on the first day
 * and after millions of rows (V11's indexes end in (at, id), so every filter is one index range scan), and the CSV
 * export is the same query page after page, so no export holds more than a page in memory.
 *
 * <p>A tenant's events are read in a transaction bound to that tenant ({@link TenantEntityManagers}): row-level
 * security (V11) lets it see that tenant's rows only, whatever the query says. Every tenant's events are read in an
 * unbound transaction of its own; only platform administrators may ask for that scope, which the callers check.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditTrail {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    static final int EXPORT_PAGE_SIZE = MAX_PAGE_SIZE;

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    @Inject
    TenantEntityManagers entityManagers;

    @Resource
    SessionContext session;

    /**
     * Up to {@code limit} events of {@code scope} matching {@code filter}, after {@code after} (exclusive) or from the
     * newest.
     *
     * @throws InvalidInputException on field {@code limit} outside 1..{@value #MAX_PAGE_SIZE}
     */
    public AuditPage page(AuditScope scope, AuditFilter filter, Optional<AuditCursor> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE_SIZE + ", was " + limit);
        }
        Optional<TenantId> tenant = scope.single();
        if (tenant.isPresent()) {
            try (EntityManager bound = entityManagers.forTenant(tenant.get())) {
                return read(bound, scope, filter, after, limit);
            }
        }
        return read(em, scope, filter, after, limit);
    }

    /**
     * Every event of {@code scope} matching {@code filter} as CSV ({@link AuditCsv}), newest first, page by page, each
     * page in a transaction of its own (an export of millions of rows outlives any transaction timeout). Events
     * written during the export are later than its first page and so not in it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeCsv(AuditScope scope, AuditFilter filter, Writer out) {
        AuditTrail pages = session.getBusinessObject(AuditTrail.class);
        try {
            out.write(AuditCsv.HEADER);
            Optional<AuditCursor> after = Optional.empty();
            do {
                AuditPage page = pages.page(scope, filter, after, EXPORT_PAGE_SIZE);
                for (AuditEvent e : page.events()) {
                    AuditCsv.write(e, out);
                }
                out.flush();
                after = page.next();
            } while (after.isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the audit CSV of " + scope + " failed", e);
        }
    }

    private static AuditPage read(EntityManager em, AuditScope scope, AuditFilter filter, Optional<AuditCursor> after, int limit) {
        List<String> where = new ArrayList<>();
        scope.single().ifPresent(t -> where.add("e.tenantId = :tenant"));
        filter.subject().ifPresent(s -> where.add("e.subject = :subject"));
        filter.kind().ifPresent(k -> where.add("e.action = :kind"));
        filter.from().ifPresent(f -> where.add("e.at >= :from"));
        filter.to().ifPresent(t -> where.add("e.at < :to"));
        // "at <= :at" bounds the index range scan; the OR then drops the cursor's own instant up to its id
        after.ifPresent(c -> where.add("e.at <= :afterAt AND (e.at < :afterAt OR e.id < :afterId)"));
        String jpql = "SELECT e FROM AuditEvent e" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY e.at DESC, e.id DESC";
        TypedQuery<AuditEvent> query = em.createQuery(jpql, AuditEvent.class).setMaxResults(limit + 1);
        scope.single().ifPresent(t -> query.setParameter("tenant", t.value()));
        filter.subject().ifPresent(s -> query.setParameter("subject", s));
        filter.kind().ifPresent(k -> query.setParameter("kind", k));
        filter.from().ifPresent(f -> query.setParameter("from", f));
        filter.to().ifPresent(t -> query.setParameter("to", t));
        after.ifPresent(c -> query.setParameter("afterAt", c.at()).setParameter("afterId", c.id()));
        List<AuditEvent> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<AuditEvent> shown = more ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows);
        return new AuditPage(shown, more ? Optional.of(AuditCursor.after(shown.get(shown.size() - 1))) : Optional.empty());
    }
}
