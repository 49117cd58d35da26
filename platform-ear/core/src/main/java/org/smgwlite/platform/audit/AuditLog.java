package org.smgwlite.platform.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditEvent.Outcome;

/**
 * Writes audit events, each in a transaction of its own ({@code REQUIRES_NEW}): a refused enrollment
 * rolls its own work back but its audit line stays. Runs as the platform's database user, not the
 * tenant role, so it never joins a tenant-bound transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    public void success(TenantId tenant, String actor, AuditAction action, String subject, String detail) {
        write(new AuditEvent(tenant, actor, action, subject, Outcome.SUCCESS, detail));
    }

    public void refused(TenantId tenant, String actor, AuditAction action, String subject, String detail) {
        write(new AuditEvent(tenant, actor, action, subject, Outcome.REFUSED, detail));
    }

    private void write(AuditEvent event) {
        em.persist(event);
        LOG.fine(() -> "audit " + event.outcome() + " " + event.action() + " tenant=" + event.tenantId()
                + " actor=" + event.actor() + " subject=" + event.subject() + " " + event.detail());
    }
}
