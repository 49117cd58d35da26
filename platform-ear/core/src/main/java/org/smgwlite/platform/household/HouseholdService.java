package org.smgwlite.platform.household;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The households of one tenant: paged and searched list, create, edit, delete, and a household user's own view.
 * Every method takes the caller's tenant (from the token) and works only inside it.
 */
@Stateless
public class HouseholdService {

    @Inject
    TenantEntityManagers entityManagers;

    /**
     * Households whose name or city starts with {@code search} (any case) or whose Messlokation does (blank: all), as
     * a condition on the tenant's rows (indexes of V13).
     */
    private static final String MATCH = " WHERE (:all = TRUE OR LOWER(h.name) LIKE :lower OR LOWER(h.city) LIKE :lower"
            + " OR h.messlokationId LIKE :upper)";

    /** How many of the tenant's households match {@code search} (blank: all). */
    public long count(TenantId tenant, String search) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return bind(em.createQuery("SELECT COUNT(h) FROM Household h" + MATCH, Long.class), search).getSingleResult();
        }
    }

    /** One page of the tenant's households matching {@code search}, by name, then id. */
    public List<Household> page(TenantId tenant, String search, PageRequest page) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return bind(em.createQuery("SELECT h FROM Household h" + MATCH + " ORDER BY h.name, h.id", Household.class), search)
                    .setFirstResult(page.offset())
                    .setMaxResults(page.limit())
                    .getResultList();
        }
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String search) {
        String s = search == null ? "" : search.strip();
        return query.setParameter("all", s.isEmpty())
                .setParameter("lower", LikePrefix.of(s.toLowerCase(Locale.ROOT)))
                .setParameter("upper", LikePrefix.of(s.toUpperCase(Locale.ROOT)));
    }

    public Household get(TenantId tenant, long id) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return Optional.ofNullable(em.find(Household.class, id))
                    .orElseThrow(() -> new NotFoundException("household", id));
        }
    }

    /** The households the Keycloak user {@code username} may view within its tenant. */
    public List<Household> viewableBy(TenantId tenant, String username) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT h FROM Household h WHERE h.viewerUsername = :u ORDER BY h.id", Household.class)
                    .setParameter("u", username)
                    .getResultList();
        }
    }

    public Household create(TenantId tenant, HouseholdDraft draft) {
        Household household = new Household(draft);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            rejectDuplicateMesslokation(em, draft.messlokationId().strip(), null);
            em.persist(household);
            em.flush();
            return household;
        }
    }

    /**
     * Replaces the fields of household {@code id}; {@code expectedVersion} is the version the
     * editor loaded, so that an edit made meanwhile by someone else is not silently overwritten.
     */
    public Household update(TenantId tenant, long id, long expectedVersion, HouseholdDraft draft) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Household household = Optional.ofNullable(em.find(Household.class, id))
                    .orElseThrow(() -> new NotFoundException("household", id));
            if (household.version() != expectedVersion) {
                throw new OptimisticLockException();
            }
            HouseholdRules.validate(draft);
            rejectDuplicateMesslokation(em, draft.messlokationId().strip(), id);
            household.apply(draft);
            em.flush();
            return household;
        } catch (OptimisticLockException e) {
            throw new ConflictException("household " + id + " was changed by someone else; reload and try again");
        }
    }

    public void delete(TenantId tenant, long id) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Household household = Optional.ofNullable(em.find(Household.class, id))
                    .orElseThrow(() -> new NotFoundException("household", id));
            em.remove(household);
            em.flush();
        } catch (PersistenceException e) {
            DatabaseUnavailable.rethrowIfCause(e);
            throw new ConflictException("household " + id + " cannot be deleted while gateways or readings refer to it");
        }
    }

    private static void rejectDuplicateMesslokation(EntityManager em, String messlokationId, Long exceptId) {
        List<Long> clash = em.createQuery(
                        "SELECT h.id FROM Household h WHERE h.messlokationId = :m", Long.class)
                .setParameter("m", messlokationId)
                .getResultList();
        clash.remove(exceptId);
        if (!clash.isEmpty()) {
            throw new InvalidInputException("messlokationId",
                    "Messlokation " + messlokationId + " belongs to another household of this tenant already");
        }
    }
}
