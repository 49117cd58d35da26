package org.smgwlite.platform.certificate;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.tenant.Tenant;

/**
 * Reads and creates tenant CAs in the {@code tenant_ca} table, and their CRLs, each in a transaction of its own (the
 * caller's transaction may be bound to the tenant role, which has no access to CA keys).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TenantCaStore {

    static final Duration TENANT_CA_VALIDITY = Duration.ofDays(10 * 365);

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PlatformRoot root;

    @Inject
    PkiSettings settings;

    @Inject
    AuditLog audit;

    /**
     * The tenant's CA: as stored, else imported from {@code smgw.pki.dir/tenants/<tenant>/} (made offline
     * with the CLI), else created now under the platform root with the tenant's curve policy (its chosen one, else the
     * configured default). The tenant row is locked while a CA is made, so that a policy change
     * ({@code TenantService.update}) waits for it; the tenant's stored policy is the CA's afterwards, since the CA's key
     * decides what it issues (an offline CA of the other family wins over an earlier choice).
     */
    public CertificateAuthority loadOrCreate(TenantId tenant) {
        char[] secret = settings.secret();
        try {
            TenantCaRecord record = em.find(TenantCaRecord.class, tenant.value());
            if (record != null) {
                return CertificateAuthority.fromPem(record.chainPem(), record.encryptedKeyPem(), secret);
            }
            Tenant owner = em.find(Tenant.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
            if (owner == null) {
                throw new NotFoundException("tenant", tenant);
            }
            record = em.find(TenantCaRecord.class, tenant.value());
            if (record != null) { // made by another server while this one waited for the lock
                return CertificateAuthority.fromPem(record.chainPem(), record.encryptedKeyPem(), secret);
            }
            CurvePolicy policy = owner.curvePolicy().orElseGet(() -> settings.policyFor(tenant));
            CertificateAuthority ca = root.offlineTenantCa(tenant.value()).orElseGet(() -> CaHierarchy.createTenantCa(
                    root.authority(), tenant, policy, TENANT_CA_VALIDITY));
            owner.choosePolicy(ca.policy());
            em.persist(new TenantCaRecord(tenant.value(), ca.policy().name(), ca.chainPem(), ca.encryptedPrivateKeyPem(secret)));
            em.flush();
            audit.success(tenant, "platform", AuditAction.TENANT_CA_CREATED, "ca:" + ca.name(),
                    "policy=" + ca.policy().name() + " serial=" + ca.certificate().getSerialNumber().toString(16));
            return ca;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The policy of the tenant's CA, or empty if the tenant has no CA yet; nothing is created. */
    public Optional<CurvePolicy> existingPolicy(TenantId tenant) {
        return Optional.ofNullable(em.find(TenantCaRecord.class, tenant.value())).map(r -> CurvePolicy.parse(r.curvePolicy()));
    }

    /**
     * The tenant's current CRL as the deployment group shares it ({@link StoredCrls}): the stored one while fresh, else
     * issued by {@code issuer} under the row's lock, by this node or by the one that held the lock first. Outside any
     * container transaction, since the lock is held while {@code issuer} reads the revoked certificates in a
     * transaction of its own (bound to the tenant, which this one must not be).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public X509CRL crl(TenantId tenant, StoredCrls.CrlIssuer issuer) {
        return new StoredCrls(dataSource, settings.crlValidity(), Clock.systemUTC()).current(tenant, issuer);
    }
}
