package org.smgwlite.platform.metering.taf6;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.metering.contract.Taf6Order;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.cluster.ClusterChannel;
import org.smgwlite.platform.cluster.ClusterSignals;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * TAF 6 requests: an operator queues one for a gateway of its tenant with a reason, the gateway picks its open
 * requests up on the device port (or reports that it cannot answer), and its signed answer arrives through
 * {@link org.smgwlite.platform.metering.ReadingIngestion} ({@link Taf6Answers}). A request without an answer within
 * {@code smgw.taf6.ttl} (ISO-8601 duration, default 15 minutes) expires; expiry is applied whenever a gateway's requests
 * are read or picked up, and by the cluster's sweep every quarter hour ({@link Taf6Expiry}). Every step is audited.
 */
@Stateless
public class Taf6Requests {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    AuditLog audit;

    @Inject
    Event<Taf6Queued> queued;

    @Inject
    ClusterSignals signals;

    @Inject
    @ConfigProperty(name = "smgw.taf6.ttl", defaultValue = "PT15M")
    String ttl;

    /**
     * @throws InvalidInputException for a blank or multi-line reason or a malformed gateway id
     * @throws NotFoundException     for a gateway that is not the tenant's
     */
    public Taf6RequestView queue(TenantId tenant, String gatewayId, String reason, String actor) {
        String cleanReason = reason == null ? null : reason.strip();
        String broken = Taf6Order.reasonProblem(cleanReason);
        if (broken != null) {
            throw new InvalidInputException("reason", broken);
        }
        GatewayId id = InputIds.gateway(gatewayId);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Gateway gateway = GatewayService.find(em, id).orElseThrow(() -> new NotFoundException("gateway", id));
            Taf6Request request = new Taf6Request(id.value(), gateway.householdId(), cleanReason, actor, Instant.now());
            em.persist(request);
            em.flush();
            audit.success(tenant, actor, AuditAction.TAF6_REQUESTED, subject(id.value()),
                    "request=" + request.id() + " reason=" + cleanReason);
            Taf6Queued event = new Taf6Queued(tenant, id.value());
            signals.send(ClusterChannel.TAF6_QUEUED, event.payload()); // to the other nodes, on commit
            queued.fire(event);
            return Taf6RequestView.of(request, List.of());
        }
    }

    /** The gateway's requests, newest first, with their readings; stale open ones are expired first. */
    public List<Taf6RequestView> ofGateway(TenantId tenant, String gatewayId) {
        GatewayId id = InputIds.gateway(gatewayId);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            GatewayService.find(em, id).orElseThrow(() -> new NotFoundException("gateway", id));
            expireStale(em, tenant, id.value());
            return views(em, em.createQuery("SELECT r FROM Taf6Request r WHERE r.gatewayId = :g ORDER BY r.id DESC",
                    Taf6Request.class).setParameter("g", id.value()).getResultList(), id.value());
        }
    }

    /** Device port: is anything new for the gateway (a request it has not picked up yet)? */
    public boolean hasQueued(DeviceIdentity gw) {
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            return !em.createQuery("SELECT r.id FROM Taf6Request r WHERE r.gatewayId = :g AND r.status = :s", Long.class)
                    .setParameter("g", gw.gatewayId()).setParameter("s", Taf6Status.QUEUED).setMaxResults(1)
                    .getResultList().isEmpty();
        }
    }

    /**
     * Device port: the gateway's open requests, oldest first; the ones it had not picked up are {@code DELIVERED}
     * from now. Delivered-but-unanswered ones come again (an answer lost on the way is asked for again).
     */
    public List<Taf6Order> pickUp(DeviceIdentity gw) {
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            expireStale(em, gw.tenant(), gw.gatewayId());
            List<Taf6Request> open = em.createQuery("SELECT r FROM Taf6Request r WHERE r.gatewayId = :g AND r.status IN :s"
                            + " ORDER BY r.id", Taf6Request.class)
                    .setParameter("g", gw.gatewayId()).setParameter("s", List.of(Taf6Status.QUEUED, Taf6Status.DELIVERED))
                    .getResultList();
            Instant now = Instant.now();
            List<Taf6Order> orders = new ArrayList<>();
            for (Taf6Request r : open) {
                if (r.pickUp(now)) {
                    audit.success(gw.tenant(), actor(gw), AuditAction.TAF6_DELIVERED, subject(gw.gatewayId()), "request=" + r.id());
                }
                orders.add(new Taf6Order(r.id(), r.requestedAt(), r.reason()));
            }
            em.flush();
            return orders;
        }
    }

    /**
     * Device port: the gateway cannot answer request {@code requestId} (e.g. no meter reading since its start).
     *
     * @throws NotFoundException     for a request that is not this gateway's (unknown and foreign look the same)
     * @throws InvalidInputException for a blank reason
     * @throws ConflictException     for a request that is closed already (answered, expired or failed)
     */
    public void failed(DeviceIdentity gw, long requestId, String why) {
        String clean = why == null ? "" : why.strip().replaceAll("\\p{Cntrl}", " ");
        if (clean.isEmpty()) {
            throw new InvalidInputException("reason", "say why the reading cannot be taken");
        }
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            Taf6Request r = em.find(Taf6Request.class, requestId);
            if (r == null || !r.gatewayId().equals(gw.gatewayId())) {
                throw new NotFoundException("TAF 6 request", requestId + " of gateway " + gw.gatewayId());
            }
            if (!r.fail(clean, Instant.now())) {
                throw new ConflictException("TAF 6 request " + requestId + " is " + r.status() + " already");
            }
            em.flush();
            audit.refused(gw.tenant(), actor(gw), AuditAction.TAF6_FAILED, subject(gw.gatewayId()),
                    "request=" + requestId + " " + r.statusReason().orElse(""));
        }
    }

    /**
     * Expires every open request of the tenant that is older than the allowed time, whichever gateway it is for: the
     * cluster's sweep ({@link Taf6Expiry}), so that lists showing a request's status without reading its gateway's
     * requests (the gateway overview) show it expired too. Returns how many it expired.
     */
    public int expireStale(TenantId tenant) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return expireStale(em, tenant, null);
        }
    }

    /**
     * Closes the open requests of the gateway ({@code null}: of every gateway) that are older than the allowed time. The
     * rows are locked ({@code FOR UPDATE}): of two nodes expiring the same request at once, the second finds it expired
     * (PostgreSQL checks the condition again on the committed row), so it is expired and audited once.
     */
    private int expireStale(EntityManager em, TenantId tenant, String gatewayId) {
        Instant deadline = Instant.now().minus(Duration.parse(ttl));
        TypedQuery<Taf6Request> query = em.createQuery("SELECT r FROM Taf6Request r WHERE r.status IN :s AND r.requestedAt < :d"
                        + (gatewayId == null ? "" : " AND r.gatewayId = :g"), Taf6Request.class)
                .setParameter("s", List.of(Taf6Status.QUEUED, Taf6Status.DELIVERED)).setParameter("d", deadline)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE);
        List<Taf6Request> stale = (gatewayId == null ? query : query.setParameter("g", gatewayId)).getResultList();
        int expired = 0;
        for (Taf6Request r : stale) {
            if (r.expireIfOlderThan(deadline)) {
                expired++;
                audit.refused(tenant, "platform", AuditAction.TAF6_EXPIRED, subject(r.gatewayId()),
                        "request=" + r.id() + " requested at " + r.requestedAt() + ", no answer within " + ttl);
            }
        }
        if (expired > 0) {
            em.flush();
        }
        return expired;
    }

    /** The gateway's requests with their readings: one query for the readings of all of them. */
    private static List<Taf6RequestView> views(EntityManager em, List<Taf6Request> requests, String gatewayId) {
        Map<Long, List<Taf6Reading>> readings = new HashMap<>();
        if (!requests.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT request_id, obis, CAST(floor(extract(epoch FROM read_at) * 1000) AS bigint),"
                            + " CAST(value_unscaled AS text), scaler, unit, ptb_level FROM taf6_reading"
                            + " WHERE request_id IN (SELECT id FROM taf6_request WHERE gateway_id = ?1) ORDER BY request_id, obis")
                    .setHint(NATIVE, true).setParameter(1, gatewayId).getResultList();
            for (Object[] row : rows) {
                readings.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(new Taf6Reading((String) row[1],
                        Instant.ofEpochMilli(((Number) row[2]).longValue()),
                        new BigDecimal(new BigInteger((String) row[3]), -((Number) row[4]).intValue()), (String) row[5],
                        ((Number) row[6]).intValue()));
            }
        }
        return requests.stream().map(r -> Taf6RequestView.of(r, readings.getOrDefault(r.id(), List.of()))).toList();
    }

    static String subject(String gatewayId) {
        return "gateway:" + gatewayId;
    }

    static String actor(DeviceIdentity gw) {
        return "gateway:" + gw.gatewayId();
    }
}
