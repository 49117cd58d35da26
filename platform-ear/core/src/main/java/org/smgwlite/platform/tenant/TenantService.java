package org.smgwlite.platform.tenant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.NotFoundException;

/** Creates, renames and lists tenants. Callers are platform administrators (checked by views/resources). */
@Stateless
public class TenantService {

    @PersistenceContext(unitName = "smgw")
    EntityManager em;

    public List<Tenant> list() {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.name", Tenant.class).getResultList();
    }

    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(Tenant.class, id.value()));
    }

    public Tenant create(TenantId id, String name, TenantKind kind) {
        if (em.find(Tenant.class, id.value()) != null) {
            throw new ConflictException("tenant " + id + " exists already");
        }
        Tenant tenant = new Tenant(id, name, kind);
        em.persist(tenant);
        em.flush(); // tenant-bound entity managers in the same transaction insert rows referencing it
        return tenant;
    }

    public Tenant rename(TenantId id, String name, TenantKind kind) {
        Tenant tenant = find(id).orElseThrow(() -> new NotFoundException("tenant", id));
        tenant.rename(name, kind);
        return tenant;
    }
}
