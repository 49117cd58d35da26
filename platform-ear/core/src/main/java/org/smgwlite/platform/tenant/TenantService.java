package org.smgwlite.platform.tenant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.TenantCaStore;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * Creates, edits, searches and lists tenants. Callers are platform administrators (checked by views/resources). Runs
 * unbound to any tenant: the tenant table is the directory of tenants, and the CA check reads the platform table
 * {@code tenant_ca}.
 */
@Stateless
public class TenantService {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    @Inject
    TenantCaStore cas;

    public List<Tenant> list() {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.name", Tenant.class).getResultList();
    }

    /**
     * A page of the tenants whose id or name contains {@code text} (any case; blank for all), by name then id.
     *
     * @throws InvalidInputException on field {@code limit} outside 1..{@value #MAX_PAGE_SIZE} or {@code offset} below 0
     */
    public List<Tenant> search(String text, int offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_PAGE_SIZE + ", was " + limit);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative, was " + offset);
        }
        return em.createQuery("SELECT t FROM Tenant t WHERE LOWER(t.id) LIKE :q OR LOWER(t.name) LIKE :q ORDER BY t.name, t.id",
                        Tenant.class)
                .setParameter("q", pattern(text)).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many tenants {@link #search} finds for {@code text}. */
    public long count(String text) {
        return em.createQuery("SELECT COUNT(t) FROM Tenant t WHERE LOWER(t.id) LIKE :q OR LOWER(t.name) LIKE :q", Long.class)
                .setParameter("q", pattern(text)).getSingleResult();
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
            throw new ConflictException("tenant " + id + " exists already");
        }
        Tenant tenant = new Tenant(id, name, kind);
        policy.ifPresent(tenant::choosePolicy);
        em.persist(tenant);
        em.flush(); // tenant-bound entity managers in the same transaction insert rows referencing it
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

    private static String pattern(String text) {
        String plain = text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + plain + "%";
    }
}
