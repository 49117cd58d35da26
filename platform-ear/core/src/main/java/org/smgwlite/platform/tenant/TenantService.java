package org.smgwlite.platform.tenant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.TenantCaStore;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;

/**
 * Creates, edits, searches and lists tenants. Callers are platform administrators (checked by views/resources). Runs
 * unbound to any tenant: the tenant table is the directory of tenants, and the CA check reads the platform table
 * {@code tenant_ca}.
 */
@Stateless
public class TenantService {

    private static final String MATCH = " WHERE LOWER(t.id) LIKE :q OR LOWER(t.name) LIKE :q";

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    @Inject
    TenantCaStore cas;

    public List<Tenant> list() {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.name", Tenant.class).getResultList();
    }

    /** One page of the tenants whose id or name starts with {@code search} (any case; blank for all), by name, then id. */
    public List<Tenant> page(String search, PageRequest page) {
        return em.createQuery("SELECT t FROM Tenant t" + MATCH + " ORDER BY t.name, t.id", Tenant.class)
                .setParameter("q", prefix(search)).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    /** How many tenants {@link #page} finds for {@code search}. */
    public long count(String search) {
        return em.createQuery("SELECT COUNT(t) FROM Tenant t" + MATCH, Long.class).setParameter("q", prefix(search)).getSingleResult();
    }

    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(Tenant.class, id.value()));
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> new NotFoundException("tenant", id));
    }

    /** A tenant without a chosen curve policy: its CA will follow the configured default. */
    public Tenant create(TenantId id, String name, TenantKind kind) {
        return create(id, name, kind, Optional.empty());
    }

    public Tenant create(TenantId id, String name, TenantKind kind, Optional<CurvePolicy> policy) {
        if (em.find(Tenant.class, id.value()) != null) {
            throw new ConflictException("tenantId", "tenant " + id + " exists already");
        }
        Tenant tenant = new Tenant(id, name, kind);
        policy.ifPresent(tenant::choosePolicy);
        try {
            em.persist(tenant);
            em.flush(); // tenant-bound entity managers in the same transaction insert rows referencing it
        } catch (PersistenceException e) {
            DatabaseUnavailable.rethrowIfCause(e);
            // the same id created at the same moment by another request: its primary key refuses this one
            throw new ConflictException("tenantId", "tenant " + id + " exists already");
        }
        return tenant;
    }

    /**
     * Name, kind and, where given, the curve policy for new certificates ({@link CurvePolicyChange}: refused while
     * the tenant's CA is on the other family). The tenant row is locked first: a CA created at the same moment
     * ({@code TenantCaStore} locks the same row) is either seen by the check or created on the new policy.
     */
    public Tenant update(TenantId id, String name, TenantKind kind, Optional<CurvePolicy> policy) {
        Tenant tenant = Optional.ofNullable(em.find(Tenant.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("tenant", id));
        tenant.rename(name, kind);
        if (policy.isPresent()) {
            CurvePolicyChange.check(id, cas.existingPolicy(id), policy.get());
            tenant.choosePolicy(policy.get());
        }
        return tenant;
    }

    private static String prefix(String search) {
        return LikePrefix.of(search == null ? "" : search.strip().toLowerCase(Locale.ROOT));
    }
}
