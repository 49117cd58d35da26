package org.smgwlite.platform.tariff;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A tenant's TAF 2 tariff profiles: list, create with a first version, add versions (history is never edited), rename,
 * delete (refused while a household uses the profile), assign to a household, and the {@link TariffCalendar} of a
 * household or of many at once. Every change is audited; every method works inside the caller's tenant only.
 */
@Stateless
public class TariffService {

    /** Profiles whose name starts with the search (any case; V16's index), or all. */
    private static final String MATCH = " WHERE (:all = TRUE OR LOWER(p.name) LIKE :lower)";

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    AuditLog audit;

    public long count(TenantId tenant, String search) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return bind(em.createQuery("SELECT COUNT(p) FROM TariffProfile p" + MATCH, Long.class), search).getSingleResult();
        }
    }

    /** One page of the profiles matching {@code search}, by name, with the version in force today. */
    public List<TariffProfileSummary> page(TenantId tenant, String search, PageRequest page) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            List<TariffProfile> profiles = bind(em.createQuery("SELECT p FROM TariffProfile p" + MATCH + " ORDER BY p.name, p.id",
                    TariffProfile.class), search).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            List<Long> ids = profiles.stream().map(TariffProfile::id).toList();
            Map<Long, List<ProfileVersion>> versions = TariffVersions.of(em, ids);
            Map<Long, Long> usage = TariffVersions.usage(em, ids);
            LocalDate today = today();
            return profiles.stream().map(p -> {
                TariffProfileDetails d = new TariffProfileDetails(p.id(), p.name(), p.version(), p.createdAt(),
                        versions.getOrDefault(p.id(), List.of()), usage.getOrDefault(p.id(), 0L));
                Optional<ProfileVersion> current = d.versionOn(today);
                return new TariffProfileSummary(p.id(), p.name(), d.versions().size(),
                        current.map(ProfileVersion::validFrom).orElse(null), current.map(ProfileVersion::zones).orElse(List.of()),
                        d.versions().isEmpty() ? null : d.versions().get(d.versions().size() - 1).validFrom(), d.households());
            }).toList();
        }
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String search) {
        String s = search == null ? "" : search.strip();
        return query.setParameter("all", s.isEmpty()).setParameter("lower", LikePrefix.of(s.toLowerCase(Locale.ROOT)));
    }

    public TariffProfileDetails get(TenantId tenant, long id) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return details(em, find(em, id));
        }
    }

    /**
     * A new profile with its first version (any date).
     *
     * @throws InvalidInputException on {@code name}, {@code validFrom}, {@code zones...}; nothing stored
     * @throws ConflictException     on {@code name} if the tenant has a profile of that name (any case)
     */
    public TariffProfileDetails create(TenantId tenant, String actor, String name, VersionDraft first) {
        String clean = TariffRules.name(name);
        TariffRules.compile(first.rules());
        VersionDates.check(first.validFrom(), List.of(), today());
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            rejectTakenName(em, clean, null);
            TariffProfile profile = new TariffProfile(clean);
            em.persist(profile);
            em.flush();
            TariffVersions.store(em, profile.id(), first, actor);
            audit.success(tenant, actor, AuditAction.TARIFF_PROFILE_CREATED, subject(profile.id()),
                    "name=" + clean + " validFrom=" + first.validFrom() + " rules=" + first.rules().size());
            return details(em, profile);
        } catch (PersistenceException e) {
            DatabaseUnavailable.rethrowIfCause(e);
            throw new ConflictException("name", "a tariff profile named " + clean + " was created meanwhile");
        }
    }

    /**
     * A new version of profile {@code id}, from {@code draft.validFrom()} (today or later) on; older ones stay.
     *
     * @throws InvalidInputException on {@code validFrom} or {@code zones...}; nothing stored
     */
    public TariffProfileDetails addVersion(TenantId tenant, String actor, long id, VersionDraft draft) {
        TariffRules.compile(draft.rules());
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            TariffProfile profile = find(em, id);
            List<LocalDate> dates = TariffVersions.of(em, List.of(id)).getOrDefault(id, List.of()).stream()
                    .map(ProfileVersion::validFrom).toList();
            VersionDates.check(draft.validFrom(), dates, today());
            TariffVersions.store(em, id, draft, actor);
            audit.success(tenant, actor, AuditAction.TARIFF_VERSION_ADDED, subject(id),
                    "name=" + profile.name() + " validFrom=" + draft.validFrom() + " rules=" + draft.rules().size());
            return details(em, profile);
        } catch (PersistenceException e) {
            DatabaseUnavailable.rethrowIfCause(e);
            throw new ConflictException("validFrom", "a version from " + draft.validFrom() + " was added meanwhile");
        }
    }

    /** Renames profile {@code id}; {@code expectedVersion} is the version the editor loaded. */
    public TariffProfileDetails rename(TenantId tenant, String actor, long id, long expectedVersion, String name) {
        String clean = TariffRules.name(name);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            TariffProfile profile = find(em, id);
            if (profile.version() != expectedVersion) {
                throw new OptimisticLockException();
            }
            rejectTakenName(em, clean, id);
            String old = profile.name();
            profile.rename(clean);
            em.flush();
            audit.success(tenant, actor, AuditAction.TARIFF_PROFILE_RENAMED, subject(id), "name=" + old + " -> " + clean);
            return details(em, profile);
        } catch (OptimisticLockException e) {
            throw new ConflictException("tariff profile " + id + " was changed by someone else; reload and try again");
        }
    }

    /** @throws ConflictException while a household uses the profile */
    public void delete(TenantId tenant, String actor, long id) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            TariffProfile profile = find(em, id);
            long users = TariffVersions.usage(em, List.of(id)).getOrDefault(id, 0L);
            if (users > 0) {
                throw new ConflictException("tariff profile " + profile.name() + " is assigned to " + users
                        + " household(s); assign them another profile first");
            }
            TariffVersions.deleteAll(em, id);
            em.remove(profile);
            em.flush();
            audit.success(tenant, actor, AuditAction.TARIFF_PROFILE_DELETED, subject(id), "name=" + profile.name());
        } catch (PersistenceException e) {
            DatabaseUnavailable.rethrowIfCause(e);
            throw new ConflictException("tariff profile " + id + " cannot be deleted while a household uses it");
        }
    }

    /**
     * Bills household {@code householdId} by profile {@code profileId} from now on (null: no profile).
     *
     * @throws NotFoundException     for a household not of the tenant
     * @throws InvalidInputException on {@code profileId} for a profile not of the tenant
     */
    public void assign(TenantId tenant, String actor, long householdId, Long profileId) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Household household = Optional.ofNullable(em.find(Household.class, householdId))
                    .orElseThrow(() -> new NotFoundException("household", householdId));
            String name = "none";
            if (profileId != null) {
                name = Optional.ofNullable(em.find(TariffProfile.class, profileId)).map(TariffProfile::name)
                        .orElseThrow(() -> new InvalidInputException("profileId", "tariff profile " + profileId + " not found"));
            }
            household.assignTariffProfile(profileId);
            em.flush();
            audit.success(tenant, actor, AuditAction.TARIFF_PROFILE_ASSIGNED, "household:" + householdId,
                    "tariffProfile=" + (profileId == null ? "none" : profileId + " (" + name + ")"));
        }
    }

    /** The calendar of household {@code householdId}; the empty one when it has no profile. */
    public TariffCalendar calendarOf(TenantId tenant, long householdId) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Household household = Optional.ofNullable(em.find(Household.class, householdId))
                    .orElseThrow(() -> new NotFoundException("household", householdId));
            return household.tariffProfileId().map(p -> calendars(em, List.of(p)).get(p)).orElse(VersionedCalendar.NONE);
        }
    }

    /**
     * The calendars of many households in a few queries (the tenant's profiles are loaded once and shared): every id
     * asked for is in the map, with the empty calendar where the household has no profile (or is not the tenant's).
     */
    public Map<Long, TariffCalendar> calendarsOf(TenantId tenant, Collection<Long> householdIds) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Map<Long, Long> profileOf = TariffVersions.profilesOf(em, householdIds);
            Map<Long, TariffCalendar> byProfile = calendars(em, profileOf.values().stream().distinct().toList());
            Map<Long, TariffCalendar> result = new HashMap<>();
            for (Long household : householdIds) {
                Long profile = profileOf.get(household);
                result.put(household, profile == null ? VersionedCalendar.NONE : byProfile.get(profile));
            }
            return result;
        }
    }

    private static Map<Long, TariffCalendar> calendars(EntityManager em, List<Long> profileIds) {
        Map<Long, List<ProfileVersion>> versions = TariffVersions.of(em, profileIds);
        Map<Long, TariffCalendar> calendars = new HashMap<>();
        for (Long id : profileIds) {
            TariffProfile p = em.find(TariffProfile.class, id);
            calendars.put(id, new VersionedCalendar(p.name(), versions.getOrDefault(id, List.of())));
        }
        return calendars;
    }

    private static TariffProfile find(EntityManager em, long id) {
        return Optional.ofNullable(em.find(TariffProfile.class, id)).orElseThrow(() -> new NotFoundException("tariff profile", id));
    }

    private static TariffProfileDetails details(EntityManager em, TariffProfile p) {
        return new TariffProfileDetails(p.id(), p.name(), p.version(), p.createdAt(),
                TariffVersions.of(em, List.of(p.id())).getOrDefault(p.id(), List.of()),
                TariffVersions.usage(em, List.of(p.id())).getOrDefault(p.id(), 0L));
    }

    private static void rejectTakenName(EntityManager em, String name, Long exceptId) {
        List<Long> taken = em.createQuery("SELECT p.id FROM TariffProfile p WHERE LOWER(p.name) = :n", Long.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT)).getResultList();
        taken.remove(exceptId);
        if (!taken.isEmpty()) {
            throw new ConflictException("name", "the tenant has a tariff profile named " + name + " already");
        }
    }

    private static String subject(long profileId) {
        return "tariff-profile:" + profileId;
    }

    private static LocalDate today() {
        return LocalDate.now(CurveRange.BERLIN);
    }
}
