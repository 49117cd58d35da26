package org.smgwlite.platform.tariff;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes profile versions with their rules through a tenant-bound entity manager: a whole set of profiles in
 * two queries (versions, then all their rules), so a tenant-wide report loads the tenant's few profiles once.
 */
final class TariffVersions {

    /** Ids per IN list; PostgreSQL takes at most 32,767 parameters in a statement. */
    static final int CHUNK = 1000;

    private TariffVersions() {
    }

    /** The versions of each profile, oldest first; a profile without versions is missing from the map. */
    static Map<Long, List<ProfileVersion>> of(EntityManager em, Collection<Long> profileIds) {
        if (profileIds.isEmpty()) {
            return Map.of();
        }
        List<TariffVersionRecord> records = em.createQuery("SELECT v FROM TariffVersionRecord v WHERE v.profileId IN :ids"
                        + " ORDER BY v.profileId, v.validFrom", TariffVersionRecord.class)
                .setParameter("ids", List.copyOf(profileIds)).getResultList();
        Map<Long, List<ZoneRule>> rules = new HashMap<>();
        List<Long> versionIds = records.stream().map(TariffVersionRecord::id).toList();
        for (int i = 0; i < versionIds.size(); i += CHUNK) {
            em.createQuery("SELECT r FROM ZoneRuleRecord r WHERE r.versionId IN :ids ORDER BY r.versionId, r.position",
                            ZoneRuleRecord.class)
                    .setParameter("ids", versionIds.subList(i, Math.min(versionIds.size(), i + CHUNK)))
                    .getResultList()
                    .forEach(r -> rules.computeIfAbsent(r.versionId(), k -> new ArrayList<>()).add(r.rule()));
        }
        Map<Long, List<ProfileVersion>> versions = new LinkedHashMap<>();
        for (TariffVersionRecord v : records) {
            List<ZoneRule> own = rules.getOrDefault(v.id(), List.of());
            versions.computeIfAbsent(v.profileId(), k -> new ArrayList<>()).add(new ProfileVersion(v.id(), v.validFrom(),
                    v.createdAt(), v.createdBy(), own, TariffRules.compile(own)));
        }
        return versions;
    }

    /** Stores a version whose rules compiled; its id. */
    static long store(EntityManager em, long profileId, VersionDraft draft, String actor) {
        TariffVersionRecord version = new TariffVersionRecord(profileId, draft.validFrom(), actor);
        em.persist(version);
        em.flush();
        for (int i = 0; i < draft.rules().size(); i++) {
            em.persist(new ZoneRuleRecord(version.id(), i, draft.rules().get(i)));
        }
        em.flush();
        return version.id();
    }

    /** Removes every version of the profile with its rules (before the profile itself). */
    static void deleteAll(EntityManager em, long profileId) {
        em.createQuery("DELETE FROM ZoneRuleRecord r WHERE r.versionId IN"
                + " (SELECT v.id FROM TariffVersionRecord v WHERE v.profileId = :p)").setParameter("p", profileId).executeUpdate();
        em.createQuery("DELETE FROM TariffVersionRecord v WHERE v.profileId = :p").setParameter("p", profileId).executeUpdate();
    }

    /** How many households use each of the profiles (a profile no household uses is missing). */
    static Map<Long, Long> usage(EntityManager em, Collection<Long> profileIds) {
        Map<Long, Long> usage = new HashMap<>();
        if (!profileIds.isEmpty()) {
            em.createQuery("SELECT h.tariffProfileId, COUNT(h) FROM Household h WHERE h.tariffProfileId IN :ids"
                            + " GROUP BY h.tariffProfileId", Object[].class)
                    .setParameter("ids", List.copyOf(profileIds)).getResultList()
                    .forEach(row -> usage.put((Long) row[0], ((Number) row[1]).longValue()));
        }
        return usage;
    }

    /** The profile id of each of the households that exist and have one (missing: no profile or no household). */
    static Map<Long, Long> profilesOf(EntityManager em, Collection<Long> householdIds) {
        Map<Long, Long> profiles = new HashMap<>();
        List<Long> ids = List.copyOf(householdIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            em.createQuery("SELECT h.id, h.tariffProfileId FROM Household h WHERE h.id IN :ids"
                            + " AND h.tariffProfileId IS NOT NULL", Object[].class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).getResultList()
                    .forEach(row -> profiles.put((Long) row[0], (Long) row[1]));
        }
        return profiles;
    }
}
