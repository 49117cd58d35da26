package org.smgwlite.platform.legacy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The SQL of {@code legacy_gateway} in a transaction bound to one tenant (every statement names it too): the lookup
 * of a device id, what an upload or a log leaves on the gateway, the registration row, and the paged list. Holds no
 * rule.
 */
final class LegacyGateways {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    private final EntityManager em;
    private final TenantId tenant;

    LegacyGateways(EntityManager em, TenantId tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /** A registered device: its gateway row, household, token hash and whether the gateway is retired. */
    record Device(long gatewayRef, String gatewayId, long householdId, String tokenSha256, boolean retired) {
    }

    Optional<Device> find(String deviceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT l.gateway_ref, g.gateway_id, g.household_id, l.token_sha256, g.retired_at IS NOT NULL"
                + " FROM legacy_gateway l JOIN gateway g ON g.id = l.gateway_ref AND g.tenant_id = l.tenant_id"
                + " WHERE l.tenant_id = ?1 AND l.device_id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, deviceId).getResultList();
        return rows.stream().findFirst().map(r -> new Device(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), (String) r[3], (Boolean) r[4]));
    }

    void insert(long gatewayRef, LegacyDeviceId deviceId, String tokenSha256, String source) {
        query("INSERT INTO legacy_gateway (tenant_id, gateway_ref, device_id, token_sha256, token_source)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef).setParameter(3, deviceId.value())
                .setParameter(4, tokenSha256).setParameter(5, source).executeUpdate();
    }

    /** A new token hash for the device (issued now); returns whether the tenant has the device. */
    boolean setToken(String deviceId, String tokenSha256) {
        return query("UPDATE legacy_gateway SET token_sha256 = ?3, token_source = 'ISSUED', token_set_at = now()"
                + " WHERE tenant_id = ?1 AND device_id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, deviceId).setParameter(3, tokenSha256).executeUpdate() == 1;
    }

    /** An upload's counts and what the device said about itself (items it did not send keep their stored value). */
    void uploaded(long gatewayRef, FirmwareReport report, String fields, int received, int inserted, int rejected) {
        query("UPDATE legacy_gateway SET last_upload_at = now(), last_received = ?3, last_inserted = ?4, last_rejected = ?5,"
                + " fields = coalesce(CAST(?6 AS varchar), fields), firmware = coalesce(CAST(?7 AS varchar), firmware),"
                + " target = coalesce(CAST(?8 AS varchar), target), ip_last_octet = coalesce(CAST(?9 AS smallint), ip_last_octet)"
                + " WHERE tenant_id = ?1 AND gateway_ref = ?2")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef).setParameter(3, received)
                .setParameter(4, inserted).setParameter(5, rejected).setParameter(6, fields)
                .setParameter(7, report.firmware().orElse(null)).setParameter(8, report.target().orElse(null))
                .setParameter(9, report.ipLastOctet().isPresent() ? report.ipLastOctet().getAsInt() : null)
                .executeUpdate();
    }

    /** A log upload: its time, meter model, firmware and config version. */
    void logged(long gatewayRef, FirmwareReport report) {
        query("UPDATE legacy_gateway SET last_log_at = now(), meter_model = coalesce(CAST(?3 AS varchar), meter_model),"
                + " firmware = coalesce(CAST(?4 AS varchar), firmware), config_version = coalesce(CAST(?5 AS varchar), config_version)"
                + " WHERE tenant_id = ?1 AND gateway_ref = ?2")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef)
                .setParameter(3, report.meterModel().orElse(null)).setParameter(4, report.firmware().orElse(null))
                .setParameter(5, report.config().orElse(null)).executeUpdate();
    }

    /** The events not stored yet (a re-sent log adds nothing); returns how many were new. */
    int storeEvents(long gatewayRef, List<FirmwareLog.Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return query("INSERT INTO legacy_event (tenant_id, gateway_ref, device_time, uptime_ms, code)"
                + " SELECT ?1, ?2, to_timestamp(x.t), x.u, x.c FROM unnest(CAST(?3 AS bigint[]), CAST(?4 AS bigint[]),"
                + " CAST(?5 AS integer[])) AS x(t, u, c) ON CONFLICT DO NOTHING")
                .setParameter(1, tenant.value()).setParameter(2, gatewayRef)
                .setParameter(3, array(events.stream().map(e -> String.valueOf(e.timestamp().getEpochSecond())).toList()))
                .setParameter(4, array(events.stream().map(e -> String.valueOf(e.uptimeMs())).toList()))
                .setParameter(5, array(events.stream().map(e -> String.valueOf(e.status().code())).toList()))
                .executeUpdate();
    }

    /** Why a device cannot be registered: the reason as a type, and for people. */
    record Blocked(ImportRefusal reason, String detail) {
    }

    /**
     * Why {@code householdId} cannot take a new gateway {@code gatewayId} (no such household in this tenant, it has a
     * gateway, the id is taken), or empty: an import reports it on the line instead of failing the whole file.
     */
    Optional<Blocked> cannotRegister(long householdId, String gatewayId) {
        Object[] r = (Object[]) query("SELECT (SELECT count(*) FROM household WHERE tenant_id = ?1 AND id = ?2),"
                + " (SELECT min(gateway_id) FROM gateway WHERE tenant_id = ?1 AND household_id = ?2 AND retired_at IS NULL),"
                + " (SELECT count(*) FROM gateway WHERE tenant_id = ?1 AND gateway_id = ?3)")
                .setParameter(1, tenant.value()).setParameter(2, householdId).setParameter(3, gatewayId).getSingleResult();
        if (((Number) r[0]).longValue() == 0) {
            return Optional.of(new Blocked(ImportRefusal.HOUSEHOLD_UNKNOWN, "no household " + householdId + " in this tenant"));
        }
        if (r[1] != null) {
            return Optional.of(new Blocked(ImportRefusal.HOUSEHOLD_HAS_GATEWAY, "household " + householdId + " has the gateway " + r[1]));
        }
        return ((Number) r[2]).longValue() > 0
                ? Optional.of(new Blocked(ImportRefusal.GATEWAY_ID_TAKEN, "gateway " + gatewayId + " is registered already"))
                : Optional.empty();
    }

    /** One device's events, newest first ({@code received_at}, then device time and uptime), codes named. */
    List<LegacyEvent> events(String deviceId, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT CAST(extract(epoch FROM e.device_time) AS bigint), e.uptime_ms, e.code,"
                + " CAST(extract(epoch FROM e.received_at) AS bigint) FROM legacy_event e JOIN legacy_gateway l"
                + " ON l.tenant_id = e.tenant_id AND l.gateway_ref = e.gateway_ref WHERE e.tenant_id = ?1 AND l.device_id = ?2"
                + " ORDER BY e.received_at DESC, e.device_time DESC, e.uptime_ms DESC OFFSET ?3 LIMIT ?4")
                .setParameter(1, tenant.value()).setParameter(2, deviceId).setParameter(3, page.offset())
                .setParameter(4, page.limit()).getResultList();
        return rows.stream().map(r -> new LegacyEvent(instant(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).intValue(),
                FirmwareStatusCode.of(((Number) r[2]).intValue()).meaning(), instant(r[3]))).toList();
    }

    long countEvents(String deviceId) {
        return ((Number) query("SELECT count(*) FROM legacy_event e JOIN legacy_gateway l ON l.tenant_id = e.tenant_id"
                + " AND l.gateway_ref = e.gateway_ref WHERE e.tenant_id = ?1 AND l.device_id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, deviceId).getSingleResult()).longValue();
    }

    long count(String search) {
        return ((Number) query("SELECT count(*) FROM legacy_gateway l JOIN gateway g ON g.id = l.gateway_ref"
                + " WHERE l.tenant_id = ?1 AND (lower(l.device_id) LIKE ?2 OR lower(g.gateway_id) LIKE ?2)")
                .setParameter(1, tenant.value()).setParameter(2, prefix(search)).getSingleResult()).longValue();
    }

    /** One page in device id order; {@code search} a prefix of the device id or the gateway id (any case). */
    List<LegacyGatewayView> page(String search, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("SELECT l.device_id, g.gateway_id, g.household_id, l.token_source, l.firmware, l.target,"
                + " l.config_version, l.meter_model, l.fields, l.ip_last_octet, CAST(extract(epoch FROM l.last_upload_at) AS bigint),"
                + " l.last_received, l.last_inserted, l.last_rejected, CAST(extract(epoch FROM l.last_log_at) AS bigint),"
                + " CAST(extract(epoch FROM g.retired_at) AS bigint)"
                + " FROM legacy_gateway l JOIN gateway g ON g.id = l.gateway_ref"
                + " WHERE l.tenant_id = ?1 AND (lower(l.device_id) LIKE ?2 OR lower(g.gateway_id) LIKE ?2)"
                + " ORDER BY l.device_id OFFSET ?3 LIMIT ?4")
                .setParameter(1, tenant.value()).setParameter(2, prefix(search))
                .setParameter(3, page.offset()).setParameter(4, page.limit()).getResultList();
        return rows.stream().map(r -> new LegacyGatewayView((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                r[9] == null ? null : ((Number) r[9]).intValue(), instant(r[10]), integer(r[11]), integer(r[12]),
                integer(r[13]), instant(r[14]), instant(r[15]))).toList();
    }

    private static String prefix(String search) {
        return LikePrefix.of(search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    /** Times travel as epoch seconds: no driver-specific timestamp types. */
    private static Instant instant(Object epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(((Number) epochSeconds).longValue());
    }

    private Query query(String sql) {
        return em.createNativeQuery(sql).setHint(NATIVE, true);
    }
}
