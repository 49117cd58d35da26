package org.smgwlite.platform.metering.taf6;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.metering.BrokenRule;
import org.smgwlite.platform.metering.IngestionReport;
import org.smgwlite.platform.metering.RejectReason;

/**
 * The TAF 6 part of {@link org.smgwlite.platform.metering.ReadingIngestion}: the batch's TAF 6 values, already
 * verified (signature, gateway) and checked by the common value rules, go into {@code taf6_reading} — never into the
 * TAF 7 series — in the ingestion's transaction, and each named request becomes {@code ANSWERED}.
 *
 * <p>Per value: a request id that is not the tenant's is {@code UNKNOWN_REQUEST}, another gateway's request is
 * {@code NOT_YOUR_REQUEST}, a failed request is {@code REQUEST_CLOSED}; a reading stored already with the same value
 * (a repeated answer) is a duplicate, with another value {@code CONFLICTS_WITH_STORED}.
 */
@ApplicationScoped
public class Taf6Answers {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    /** A TAF 6 value and its line in the batch body. */
    public record Line(int line, BatchValue value) {
    }

    /** What became of the batch's TAF 6 values. */
    public record Outcome(int accepted, int duplicates, List<IngestionReport.Reject> rejects) {
    }

    @Inject
    AuditLog audit;

    /** @param em the ingestion's entity manager, bound to the gateway's tenant */
    public Outcome store(EntityManager em, DeviceIdentity gw, long batchId, List<Line> lines) {
        int accepted = 0;
        int duplicates = 0;
        List<IngestionReport.Reject> rejects = new ArrayList<>();
        Map<Long, Taf6Request> requests = new HashMap<>();
        Set<Taf6Request> answered = new LinkedHashSet<>();
        for (Line l : lines) {
            BatchValue v = l.value();
            Taf6Request request = null;
            if (v.requestId() != null) {
                request = requests.computeIfAbsent(v.requestId(), id -> em.find(Taf6Request.class, id));
                Optional<BrokenRule> broken = answerable(request, v.requestId(), gw);
                if (broken.isPresent()) {
                    rejects.add(broken.get().at(l.line(), v));
                    continue;
                }
            }
            if (insert(em, gw, batchId, v) == 1) {
                accepted++;
            } else {
                BigDecimal stored = storedValue(em, gw, v);
                if (stored != null && stored.compareTo(new BigDecimal(v.unscaled(), -v.scaler())) == 0) {
                    duplicates++;
                } else {
                    rejects.add(new BrokenRule(RejectReason.CONFLICTS_WITH_STORED, "a TAF 6 reading " + (stored == null ? ""
                            : "of " + stored.toPlainString() + " ") + "is already stored for this "
                            + (v.requestId() == null ? "time" : "request") + " and register").at(l.line(), v));
                    continue;
                }
            }
            if (request != null) {
                answered.add(request);
            }
        }
        Instant now = Instant.now();
        for (Taf6Request r : answered) {
            if (r.answer(now)) {
                audit.success(gw.tenant(), Taf6Requests.actor(gw), AuditAction.TAF6_ANSWERED, Taf6Requests.subject(gw.gatewayId()),
                        "request=" + r.id() + " batch=" + batchId + r.statusReason().map(s -> " " + s).orElse(""));
            }
        }
        if (!answered.isEmpty()) {
            em.flush();
        }
        return new Outcome(accepted, duplicates, rejects);
    }

    private static int insert(EntityManager em, DeviceIdentity gw, long batchId, BatchValue v) {
        return nativeQuery(em, "INSERT INTO taf6_reading (tenant_id, request_id, household_id, obis, read_at, value_unscaled, scaler,"
                + " unit, ptb_level, flags, batch_id) VALUES (?1, CAST(?2 AS bigint), ?3, ?4, CAST(?5 AS timestamptz), CAST(?6 AS numeric), ?7, ?8,"
                + " ?9, ?10, ?11) ON CONFLICT DO NOTHING")
                .setParameter(1, gw.tenant().value()).setParameter(2, v.requestId()).setParameter(3, gw.householdId())
                .setParameter(4, v.obis()).setParameter(5, v.slotStart().toString()).setParameter(6, v.unscaled().toString())
                .setParameter(7, v.scaler()).setParameter(8, v.unit()).setParameter(9, v.ptbLevel()).setParameter(10, v.flags())
                .setParameter(11, batchId)
                .executeUpdate();
    }

    /** The reading that holds the place of {@code v}: the same request and register, or the same register and time. */
    private static BigDecimal storedValue(EntityManager em, DeviceIdentity gw, BatchValue v) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery(em, "SELECT CAST(value_unscaled AS text), scaler FROM taf6_reading WHERE tenant_id = ?1"
                + " AND obis = ?2 AND (request_id = ?3 OR (household_id = ?4 AND read_at = CAST(?5 AS timestamptz))) LIMIT 1")
                .setParameter(1, gw.tenant().value()).setParameter(2, v.obis()).setParameter(3, v.requestId() == null ? -1L : v.requestId())
                .setParameter(4, gw.householdId()).setParameter(5, v.slotStart().toString())
                .getResultList();
        return rows.isEmpty() ? null : new BigDecimal(new BigInteger((String) rows.get(0)[0]), -((Number) rows.get(0)[1]).intValue());
    }

    /** Whether the request a value names takes this gateway's answer. */
    private static Optional<BrokenRule> answerable(Taf6Request request, long requestId, DeviceIdentity gw) {
        if (request == null) {
            return Optional.of(new BrokenRule(RejectReason.UNKNOWN_REQUEST, "there is no TAF 6 request " + requestId));
        }
        if (!request.gatewayId().equals(gw.gatewayId())) {
            return Optional.of(new BrokenRule(RejectReason.NOT_YOUR_REQUEST, "TAF 6 request " + requestId
                    + " is for another gateway"));
        }
        if (!request.acceptsAnswer()) {
            return Optional.of(new BrokenRule(RejectReason.REQUEST_CLOSED, "TAF 6 request " + requestId + " is "
                    + request.status() + " (" + request.statusReason().orElse("") + ")"));
        }
        return Optional.empty();
    }

    private static Query nativeQuery(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint(NATIVE, true);
    }
}
