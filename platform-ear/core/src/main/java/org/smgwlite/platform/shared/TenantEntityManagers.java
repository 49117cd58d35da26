package org.smgwlite.platform.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.smgwlite.pki.TenantId;

/**
 * Hands out entity managers bound to one tenant, inside the caller's JTA transaction.
 *
 * <p>Two walls keep tenants apart: EclipseLink's {@code @Multitenant} discriminator (property
 * {@value #TENANT_PROPERTY}) adds {@code tenant_id = ?} to every query and sets it on every
 * insert, and the database binds the transaction to the tenant ({@code smgw_bind_tenant}, migration
 * V10), so that row-level security refuses any row of another tenant even to native SQL. The binding
 * belongs to the database transaction: no statement can change it, a second binding to another tenant
 * is refused by the database too, and the pooled connection is unbound once the transaction ends.
 *
 * <p>Invariant: a transaction is bound to at most one tenant, from its first tenant-bound entity
 * manager to its end. Asking for another tenant in the same transaction is refused, and work on
 * tables that are not tenant-owned (e.g. creating a tenant) belongs in its own transaction.
 */
@ApplicationScoped
public class TenantEntityManagers {

    /** EclipseLink context property named by every {@code @TenantDiscriminatorColumn}. */
    public static final String TENANT_PROPERTY = "smgw.tenant";

    /** Binds the database transaction to one tenant, once (db-migrations V10). */
    public static final String BIND_SQL = "SELECT smgw_bind_tenant(?1)";

    private static final String ALLOW_NATIVE_SQL = "eclipselink.jdbc.allow-native-sql-query";

    @PersistenceUnit(unitName = "smgw")
    EntityManagerFactory emf;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * An entity manager joined to the active transaction and bound to {@code tenant}. Callers
     * must be inside a transaction and close it (try-with-resources): it stays usable until the
     * transaction ends, and it is released then.
     */
    public EntityManager forTenant(TenantId tenant) {
        Object bound = transactions.getResource(TenantEntityManagers.class);
        if (bound != null && !bound.equals(tenant)) {
            throw new IllegalStateException("transaction is bound to tenant " + bound + ", refused to bind it to " + tenant);
        }
        transactions.putResource(TenantEntityManagers.class, tenant);
        EntityManager em = emf.createEntityManager(Map.of(
                TENANT_PROPERTY, tenant.value(),
                "eclipselink.transaction.join-existing", "true"));
        em.joinTransaction();
        // EclipseLink disables native SQL once an entity is multitenant; this statement is the tenant
        // binding itself, so it alone is allowed through.
        em.createNativeQuery(BIND_SQL)
                .setHint(ALLOW_NATIVE_SQL, true)
                .setParameter(1, tenant.value())
                .getSingleResult();
        return em;
    }
}
