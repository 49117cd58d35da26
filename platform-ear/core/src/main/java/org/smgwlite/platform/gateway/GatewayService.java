package org.smgwlite.platform.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.enrollment.NewEnrollmentCode;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.PkiSettings;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * An operator's side of enrollment: registers a gateway for a household of its tenant and creates the
 * one-time code the gateway enrolls with. Every method works inside the caller's tenant only.
 */
@Stateless
public class GatewayService {

    /** How long a code is valid when the operator does not say. */
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofDays(7);
    private static final Duration MAX_CODE_VALIDITY = Duration.ofDays(90);

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    HouseholdService households;

    @Inject
    PkiSettings settings;

    @Inject
    AuditLog audit;

    public Gateway register(TenantId tenant, String gatewayId, long householdId, String actor) {
        GatewayId id = InputIds.gateway(gatewayId);
        households.get(tenant, householdId); // NotFoundException for a household of another tenant
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            if (find(em, id).isPresent()) {
                throw new ConflictException("gateway " + id + " is registered already");
            }
            Gateway gateway = new Gateway(id, householdId);
            em.persist(gateway);
            em.flush();
            audit.success(tenant, actor, AuditAction.GATEWAY_REGISTERED, "gateway:" + id, "household=" + householdId);
            return gateway;
        }
    }

    public List<Gateway> list(TenantId tenant) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT g FROM Gateway g ORDER BY g.gatewayId", Gateway.class).getResultList();
        }
    }

    public Gateway get(TenantId tenant, String gatewayId) {
        GatewayId id = InputIds.gateway(gatewayId);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return find(em, id).orElseThrow(() -> new NotFoundException("gateway", id));
        }
    }

    /**
     * A new one-time code for the gateway; the clear code is in the result and nowhere else.
     * Earlier codes stay valid until used or expired.
     */
    public NewGatewayEnrollmentCode createEnrollmentCode(TenantId tenant, String gatewayId, Duration validity, String actor) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_CODE_VALIDITY) > 0) {
            throw new InvalidInputException("validity", "must be positive and at most " + MAX_CODE_VALIDITY.toDays() + " days");
        }
        GatewayId id = InputIds.gateway(gatewayId);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Gateway gateway = find(em, id).orElseThrow(() -> new NotFoundException("gateway", id));
            NewEnrollmentCode code = settings.enrollmentCodes().generate(validity);
            em.persist(new EnrollmentCodeRecord(gateway, code.stored()));
            em.flush();
            audit.success(tenant, actor, AuditAction.ENROLLMENT_CODE_CREATED, "gateway:" + id, "expiresAt=" + code.expiresAt());
            return new NewGatewayEnrollmentCode(id.value(), code.code().value(), code.expiresAt());
        }
    }

    /** The gateway {@code id} of the tenant {@code em} is bound to. */
    public static Optional<Gateway> find(EntityManager em, GatewayId id) {
        return em.createQuery("SELECT g FROM Gateway g WHERE g.gatewayId = :id", Gateway.class)
                .setParameter("id", id.value())
                .getResultStream().findFirst();
    }

}
