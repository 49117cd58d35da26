package org.smgwlite.platform.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The operator's gateway list, paged and searched in the database (a tenant may have 100,000 gateways): a page of
 * gateways in id order (index {@code gateway_search_idx}, V12), then for just those rows their newest upload, TAF 6
 * request and Eichlog entry, each one index lookup, and the status its agent last reported ({@link AgentStatusReports}). The same two calls serve the admin UI's lazy grid and the REST list.
 */
@Stateless
public class GatewayOverview {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    /** Gateways whose id starts with the search (any case), or whose household id it is. */
    private static final String MATCH = " WHERE g.tenant_id = ?1 AND ((upper(g.gateway_id) COLLATE \"C\") LIKE ?2 OR g.household_id = ?3)";

    /** How many match; parameters ?1 to ?3 as in {@link #bind}. */
    static final String COUNT = "SELECT count(*) FROM gateway g" + MATCH;

    /** One page with what each gateway last did; ?1 to ?3 as in {@link #bind}, ?4 offset, ?5 limit. */
    static final String PAGE = "SELECT g.gateway_id, g.household_id, g.created_at, g.retired_at,"
            + " (SELECT count(*) FROM certificate c WHERE c.tenant_id = g.tenant_id AND c.gateway_id = g.id),"
            + " (SELECT count(*) FROM certificate c WHERE c.tenant_id = g.tenant_id AND c.gateway_id = g.id AND c.revoked_at IS NULL),"
            + " b.received_at, b.accepted, b.rejected, t.requested_at, t.status, e.type, e.at, g.agent_status::text, g.agent_status_at"
            + " FROM (SELECT g.* FROM gateway g" + MATCH
            + " ORDER BY (upper(g.gateway_id) COLLATE \"C\"), g.id OFFSET ?4 LIMIT ?5) g"
            + " LEFT JOIN LATERAL (SELECT received_at, accepted, rejected FROM reading_batch b WHERE b.tenant_id = g.tenant_id"
            + " AND b.gateway_id = g.gateway_id ORDER BY received_at DESC LIMIT 1) b ON true"
            + " LEFT JOIN LATERAL (SELECT requested_at, status FROM taf6_request t WHERE t.tenant_id = g.tenant_id"
            + " AND t.gateway_id = g.gateway_id ORDER BY requested_at DESC LIMIT 1) t ON true"
            + " LEFT JOIN LATERAL (SELECT type, at FROM eichlog_entry e WHERE e.tenant_id = g.tenant_id"
            + " AND e.gateway_id = g.gateway_id ORDER BY chain DESC, n DESC LIMIT 1) e ON true"
            + " ORDER BY (upper(g.gateway_id) COLLATE \"C\"), g.id";

    @Inject
    TenantEntityManagers entityManagers;

    /** How many gateways of the tenant match {@code search} (blank: all). */
    public long count(TenantId tenant, String search) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return ((Number) bind(em.createNativeQuery(COUNT), tenant, search)
                    .getSingleResult()).longValue();
        }
    }

    /** A page of the matching gateways, in the byte order of their upper-cased ids (the index's order). */
    public List<GatewaySummary> page(TenantId tenant, String search, PageRequest page) {
        Instant now = Instant.now();
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = bind(em.createNativeQuery(PAGE), tenant, search)
                    .setParameter(4, page.offset()).setParameter(5, page.limit()).getResultList();
            return rows.stream().map(r -> summary(r, now)).toList();
        }
    }

    private static Query bind(Query query, TenantId tenant, String search) {
        String s = search == null ? "" : search.strip();
        return query.setHint(NATIVE, true)
                .setParameter(1, tenant.value())
                .setParameter(2, likePrefix(s))
                .setParameter(3, s.matches("[0-9]{1,18}") ? Long.parseLong(s) : -1L);
    }

    /** The search as a LIKE prefix of the upper-cased id: its own {@code %}, {@code _} and {@code \} match literally. */
    static String likePrefix(String search) {
        return LikePrefix.of(search.toUpperCase(Locale.ROOT));
    }

    /** A row of {@link #PAGE}, its state decided by {@link GatewayState#of}. */
    static GatewaySummary summary(Object[] r, Instant now) {
        Instant retired = instant(r[3]);
        long certificates = ((Number) r[4]).longValue();
        long valid = ((Number) r[5]).longValue();
        Instant lastUpload = instant(r[6]);
        GatewayState state = GatewayState.of(retired != null, certificates, valid, Optional.ofNullable(lastUpload), now);
        return new GatewaySummary((String) r[0], ((Number) r[1]).longValue(), instant(r[2]), retired, state, certificates, valid,
                lastUpload, integer(r[7]), integer(r[8]), instant(r[9]), (String) r[10], r[11] == null ? null : ((String) r[11]).strip(),
                instant(r[12]), r[13] == null ? null : AgentStatusJson.read((String) r[13]), instant(r[14]));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /** A timestamptz as the driver hands it to a native query. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
