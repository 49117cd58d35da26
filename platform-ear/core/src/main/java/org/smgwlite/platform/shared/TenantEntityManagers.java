package org.smgwlite.platform.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.Map;

/**
 * Hands out entity managers bound to one tenant, inside the caller's JTA transaction.
 *
 * <p>Two walls keep tenants apart: EclipseLink's {@code @Multitenant} discriminator (property
 * {@value #TENANT_PROPERTY}) adds {@code tenant_id = ?} to every query and sets it on every
 * insert, and the transaction switches to the PostgreSQL role {@code smgw_tenant} with
 * {@code smgw.tenant_id} set, so that row-level security refuses any row of another tenant even
 * to native SQL. Both settings are transaction-local: the pooled connection is clean afterwards.
 */
@ApplicationScoped
public class TenantEntityManagers {

    /** EclipseLink context property named by every {@code @TenantDiscriminatorColumn}. */
    public static final String TENANT_PROPERTY = "smgw.tenant";

    @PersistenceUnit(unitName = "smgw")
    EntityManagerFactory emf;

    /**
     * An entity manager joined to the active transaction and bound to {@code tenant}. Callers
     * must be inside a transaction and close it (try-with-resources): it stays usable until the
     * transaction ends, and it is released then.
     */
    public EntityManager forTenant(TenantId tenant) {
        EntityManager em = emf.createEntityManager(Map.of(
                TENANT_PROPERTY, tenant.value(),
                "eclipselink.transaction.join-existing", "true"));
        em.joinTransaction();
        em.createNativeQuery("SET LOCAL ROLE smgw_tenant").executeUpdate();
        em.createNativeQuery("SELECT set_config('smgw.tenant_id', ?1, true)")
                .setParameter(1, tenant.value())
                .getSingleResult();
        return em;
    }
}
