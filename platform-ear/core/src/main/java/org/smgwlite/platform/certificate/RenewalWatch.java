package org.smgwlite.platform.certificate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The tenant's certificates an operator has to act on, soonest first: each gateway's newest valid certificate of a
 * profile that ends within {@link CertificateStatus#RENEWAL_WINDOW} or has ended (the gateway did not renew). A gateway
 * that renewed drops out, as its newer certificate is the newest; retired gateways are left out.
 */
@Stateless
public class RenewalWatch {

    /** A certificate due, with the gateway it belongs to. */
    public record Due(String gatewayId, long householdId, GatewayCertificate certificate, CertificateStatus status) {
    }

    @Inject
    TenantEntityManagers entityManagers;

    public List<Due> due(TenantId tenant, PageRequest page) {
        Instant now = Instant.now();
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            List<Object[]> rows = em.createQuery("SELECT c, g FROM GatewayCertificate c, Gateway g"
                            + " WHERE g.id = c.gatewayRef AND g.retiredAt IS NULL AND c.revokedAt IS NULL AND c.notAfter < :horizon"
                            + " AND NOT EXISTS (SELECT n.id FROM GatewayCertificate n WHERE n.gatewayRef = c.gatewayRef"
                            + " AND n.profile = c.profile AND n.revokedAt IS NULL AND n.notAfter > c.notAfter)"
                            + " ORDER BY c.notAfter, c.id", Object[].class)
                    .setParameter("horizon", now.plus(CertificateStatus.RENEWAL_WINDOW))
                    .setFirstResult(page.offset()).setMaxResults(page.limit())
                    .getResultList();
            return rows.stream().map(r -> {
                GatewayCertificate c = (GatewayCertificate) r[0];
                Gateway g = (Gateway) r[1];
                return new Due(g.gatewayId().value(), g.householdId(), c, c.status(now));
            }).toList();
        }
    }
}
