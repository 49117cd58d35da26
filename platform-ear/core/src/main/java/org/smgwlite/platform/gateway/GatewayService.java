package org.smgwlite.platform.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.enrollment.NewEnrollmentCode;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.CertificateRecords;
import org.smgwlite.platform.certificate.PkiSettings;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * An operator's side of enrollment: registers a gateway for a household of its tenant (at most one gateway per household
 * is not retired; replacing it is an explicit choice that retires the old one and revokes its certificates) and creates
 * the one-time code the gateway enrolls with (a new code voids the unused earlier ones). Every method works inside the
 * caller's tenant only. The admin UI and the REST API both call these methods, so each rule holds once.
 */
@Stateless
public class GatewayService {

    /** How long a code is valid when the operator does not say. */
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofDays(7);
    private static final Duration MAX_CODE_VALIDITY = Duration.ofDays(90);

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    PkiSettings settings;

    @Inject
    CertificateRecords certificates;

    @Inject
    AuditLog audit;

    /**
     * Registers {@code gatewayId} for household {@code householdId}. The household's row is locked for the transaction,
     * so two registrations for one household (a double click) run one after the other and the second sees the first.
     *
     * @param replace retire the household's current gateway and revoke its certificates ({@code superseded}); without
     *                it, a household that has a gateway is refused
     * @throws InvalidInputException on {@code gatewayId} (format) and {@code householdId} (not a household of the tenant)
     * @throws ConflictException     on {@code gatewayId} if the id is taken, on {@code householdId} if the household has
     *                               a gateway and {@code replace} is not set
     */
    public Gateway register(TenantId tenant, String gatewayId, Long householdId, boolean replace, String actor) {
        Map<String, String> invalid = new LinkedHashMap<>();
        GatewayId id = null;
        try {
            id = InputIds.gateway(gatewayId);
        } catch (InvalidInputException e) {
            invalid.putAll(e.fieldErrors());
        }
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Household household = householdId == null ? null : em.find(Household.class, householdId, LockModeType.PESSIMISTIC_WRITE);
            if (household == null) {
                invalid.put("householdId", householdId == null ? "is required" : "no household " + householdId + " in this tenant");
            }
            if (!invalid.isEmpty()) {
                throw new InvalidInputException(invalid);
            }
            if (find(em, id).isPresent()) {
                throw new ConflictException("gatewayId", "gateway " + id + " is registered already");
            }
            List<Gateway> current = current(em, householdId);
            if (!current.isEmpty() && !replace) {
                throw new ConflictException("householdId", "household " + householdId + " has the gateway "
                        + current.get(0).gatewayId() + "; replace it on purpose to register another one");
            }
            Instant now = Instant.now();
            List<String> revoked = new ArrayList<>();
            for (Gateway old : current) {
                old.retire(now);
                for (String serial : certificates.revoke(tenant, old.gatewayId(), RevocationReason.SUPERSEDED)) {
                    revoked.add(serial);
                    audit.success(tenant, actor, AuditAction.CERTIFICATE_REVOKED, "gateway:" + old.gatewayId(),
                            "serial=" + serial + " reason=" + RevocationReason.SUPERSEDED + " replacedBy=" + id);
                }
            }
            Gateway gateway = new Gateway(id, householdId);
            em.persist(gateway);
            flush(em, id);
            audit.success(tenant, actor, AuditAction.GATEWAY_REGISTERED, "gateway:" + id, "household=" + householdId
                    + current.stream().map(g -> " replaces=" + g.gatewayId()).reduce("", String::concat));
            return gateway;
        }
    }

    /** How many of the tenant's gateways have an id starting with {@code search} (any case; blank: all). */
    public long count(TenantId tenant, String search) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT COUNT(g) FROM Gateway g WHERE UPPER(g.gatewayId) LIKE :p", Long.class)
                    .setParameter("p", GatewayOverview.likePrefix(search == null ? "" : search.strip())).getSingleResult();
        }
    }

    /** One page of the tenant's gateways whose id starts with {@code search}, in id order. */
    public List<Gateway> page(TenantId tenant, String search, PageRequest page) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT g FROM Gateway g WHERE UPPER(g.gatewayId) LIKE :p ORDER BY g.gatewayId", Gateway.class)
                    .setParameter("p", GatewayOverview.likePrefix(search == null ? "" : search.strip()))
                    .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        }
    }

    public Gateway get(TenantId tenant, String gatewayId) {
        GatewayId id = InputIds.gateway(gatewayId);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return find(em, id).orElseThrow(() -> new NotFoundException("gateway", id));
        }
    }

    /**
     * A new one-time code for the gateway; the clear code is in the result and nowhere else. Every earlier code of the
     * gateway that is still unused is voided, so only the code handed out last can enroll. The gateway's row is locked
     * for the transaction: of two calls at once (a double click) the second voids the first one's code.
     *
     * @throws ConflictException on {@code gatewayId} for a retired gateway
     */
    public NewGatewayEnrollmentCode createEnrollmentCode(TenantId tenant, String gatewayId, Duration validity, String actor) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_CODE_VALIDITY) > 0) {
            throw new InvalidInputException("validity", "must be positive and at most " + MAX_CODE_VALIDITY.toDays() + " days");
        }
        GatewayId id = InputIds.gateway(gatewayId);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Gateway gateway = find(em, id).orElseThrow(() -> new NotFoundException("gateway", id));
            em.lock(gateway, LockModeType.PESSIMISTIC_WRITE);
            if (gateway.isRetired()) {
                throw new ConflictException("gatewayId", "gateway " + id + " was replaced at " + gateway.retiredAt().orElseThrow()
                        + " and cannot enroll any more");
            }
            Instant now = Instant.now();
            int voided = 0;
            for (EnrollmentCodeRecord earlier : em.createQuery("SELECT c FROM EnrollmentCodeRecord c WHERE c.gatewayRef = :g",
                    EnrollmentCodeRecord.class).setParameter("g", gateway.id()).getResultList()) {
                voided += earlier.voidIfOpen(now) ? 1 : 0;
            }
            NewEnrollmentCode code = settings.enrollmentCodes().generate(validity);
            em.persist(new EnrollmentCodeRecord(gateway.id(), code.stored(), now));
            em.flush();
            audit.success(tenant, actor, AuditAction.ENROLLMENT_CODE_CREATED, "gateway:" + id,
                    "expiresAt=" + code.expiresAt() + " voided=" + voided);
            return new NewGatewayEnrollmentCode(id.value(), code.code().value(), code.expiresAt());
        }
    }

    /** The gateway {@code id} of the tenant {@code em} is bound to. */
    public static Optional<Gateway> find(EntityManager em, GatewayId id) {
        return em.createQuery("SELECT g FROM Gateway g WHERE g.gatewayId = :id", Gateway.class)
                .setParameter("id", id.value())
                .getResultStream().findFirst();
    }

    /** The household's gateways that are not retired (one, or several registered before V12). */
    private static List<Gateway> current(EntityManager em, long householdId) {
        return em.createQuery("SELECT g FROM Gateway g WHERE g.householdId = :h AND g.retiredAt IS NULL ORDER BY g.id", Gateway.class)
                .setParameter("h", householdId).getResultList();
    }

    /** The same id registered meanwhile for another household: the unique key refuses it at the flush. */
    private static void flush(EntityManager em, GatewayId id) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            DatabaseUnavailable.rethrowIfCause(e);
            throw new ConflictException("gatewayId", "gateway " + id + " is registered already");
        }
    }
}
