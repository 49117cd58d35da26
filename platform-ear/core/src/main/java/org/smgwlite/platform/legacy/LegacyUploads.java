package org.smgwlite.platform.legacy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The SQL of {@code legacy_upload} (V20) in a transaction bound to one tenant: one row per answered upload, and the
 * paged list newest first. Holds no rule.
 */
final class LegacyUploads {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    private final EntityManager em;
    private final TenantId tenant;

    LegacyUploads(EntityManager em, TenantId tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    void insert(long gatewayRef, long bytes, int status, LegacyAnswer answer, String rejections) {
        query("INSERT INTO legacy_upload (tenant_id, gateway_ref, bytes, status, received, inserted, duplicates, rejected,"
                + " high_resolution, rejections) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS varchar))")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef).setParameter(3, bytes).setParameter(4, status)
                .setParameter(5, answer == null ? 0 : answer.received()).setParameter(6, answer == null ? 0 : answer.inserted())
                .setParameter(7, answer == null ? 0 : answer.duplicates()).setParameter(8, answer == null ? 0 : answer.rejected())
                .setParameter(9, answer == null ? 0 : answer.highResolution()).setParameter(10, rejections)
                .executeUpdate();
    }

    long count(long gatewayRef) {
        return ((Number) query("SELECT count(*) FROM legacy_upload WHERE tenant_id = ?1 AND gateway_ref = ?2")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef).getSingleResult()).longValue();
    }

    /** Newest first (the order of the V20 index). */
    List<LegacyUpload> page(long gatewayRef, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT CAST(extract(epoch FROM received_at) * 1000 AS bigint), bytes, status, received,"
                + " inserted, duplicates, rejected, high_resolution, rejections FROM legacy_upload"
                + " WHERE tenant_id = ?1 AND gateway_ref = ?2 ORDER BY received_at DESC, id DESC OFFSET ?3 LIMIT ?4")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef).setParameter(3, page.offset())
                .setParameter(4, page.limit()).getResultList();
        return rows.stream().map(r -> new LegacyUpload(Instant.ofEpochMilli(((Number) r[0]).longValue()),
                ((Number) r[1]).longValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8])).toList();
    }

    private Query query(String sql) {
        return em.createNativeQuery(sql).setHint(NATIVE, true);
    }
}
