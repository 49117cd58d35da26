package org.smgwlite.platform.household;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The households of one tenant: list, create, edit, delete, and a household user's own view.
 * Every method takes the caller's tenant (from the token) and works only inside it.
 */
@Stateless
public class HouseholdService {

    @Inject
    TenantEntityManagers entityManagers;

    public List<Household> list(TenantId tenant) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT h FROM Household h ORDER BY h.name, h.id", Household.class)
                    .getResultList();
        }
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
