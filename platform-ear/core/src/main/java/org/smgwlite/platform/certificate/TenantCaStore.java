package org.smgwlite.platform.certificate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Arrays;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.tenant.Tenant;

/**
 * Reads and creates tenant CAs in the {@code tenant_ca} table, each in a transaction of its own (the
 * caller's transaction may be bound to the tenant role, which has no access to CA keys).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TenantCaStore {

    static final Duration TENANT_CA_VALIDITY = Duration.ofDays(10 * 365);

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    @Inject
    PlatformRoot root;

    @Inject
    PkiSettings settings;

    @Inject
    AuditLog audit;

    /**
     * The tenant's CA: as stored, else imported from {@code smgw.pki.dir/tenants/<tenant>/} (made offline
     * with the CLI), else created now under the platform root with the tenant's curve policy.
     */
    public CertificateAuthority loadOrCreate(TenantId tenant) {
        char[] secret = settings.secret();
        try {
            TenantCaRecord record = em.find(TenantCaRecord.class, tenant.value());
            if (record != null) {
                return CertificateAuthority.fromPem(record.chainPem(), record.encryptedKeyPem(), secret);
            }
            if (em.find(Tenant.class, tenant.value()) == null) {
                throw new NotFoundException("tenant", tenant);
            }
            CertificateAuthority ca = root.offlineTenantCa(tenant.value()).orElseGet(() -> CaHierarchy.createTenantCa(
                    root.authority(), tenant, settings.policyFor(tenant), TENANT_CA_VALIDITY));
            em.persist(new TenantCaRecord(tenant.value(), ca.policy().name(), ca.chainPem(), ca.encryptedPrivateKeyPem(secret)));
            em.flush();
            audit.success(tenant, "platform", AuditAction.TENANT_CA_CREATED, "ca:" + ca.name(),
                    "policy=" + ca.policy().name() + " serial=" + ca.certificate().getSerialNumber().toString(16));
            return ca;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The next number of the tenant's CRL, strictly increasing (RFC 5280 5.2.3). */
    public long takeCrlNumber(TenantId tenant) {
        TenantCaRecord record = em.find(TenantCaRecord.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            throw new NotFoundException("CA of tenant", tenant);
        }
        return record.takeCrlNumber();
    }

    /** The policy of the tenant's CA, for operators; the CA is created if it does not exist yet. */
    public CurvePolicy policy(TenantId tenant) {
        return loadOrCreate(tenant).policy();
    }
}
