package org.smgwlite.platform.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.MigratedPostgres;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The tariff entities and queries (V16) through EclipseLink against an embedded PostgreSQL as the platform's login
 * role, in transactions bound to a tenant as {@link TenantEntityManagers} binds them: a version is stored and read back
 * rule by rule, another tenant sees none of it, a household of one tenant cannot use another tenant's profile, and a
 * profile's versions are removed with it.
 */
class TariffTablesTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("tariff_owner", "owner-pw", "tariff_login", "login-pw");
    private static final String A = "tenant-a";
    private static final String B = "tenant-b";

    private static MigratedPostgres db;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void migrate() throws Exception {
        db = MigratedPostgres.start(ROLES);
        try (Connection c = DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword());
             Statement s = c.createStatement()) {
            for (String tenant : List.of(A, B)) {
                s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + tenant + "', 'T', 'ENERGY_COMMUNITY')");
                s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                        + " VALUES ('" + tenant + "', 'H', 'S', '12345', 'C', 'DE" + "0".repeat(31) + "', 'M')");
            }
        }
        emf = Persistence.createEntityManagerFactory("smgw", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", db.url(),
                "jakarta.persistence.jdbc.user", ROLES.login(),
                "jakarta.persistence.jdbc.password", ROLES.loginPassword()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (emf != null) {
            emf.close();
        }
        db.close();
    }

    /** Runs {@code work} in one transaction bound to {@code tenant}, committed if it returns. */
    private static <T> T in(String tenant, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager(Map.of(TenantEntityManagers.TENANT_PROPERTY, tenant));
        try {
            em.getTransaction().begin();
            em.createNativeQuery(TenantEntityManagers.BIND_SQL).setHint("eclipselink.jdbc.allow-native-sql-query", true)
                    .setParameter(1, tenant).getSingleResult();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static long newProfile(String tenant, String name) {
        return in(tenant, em -> {
            TariffProfile p = new TariffProfile(name);
            em.persist(p);
            em.flush();
            TariffVersions.store(em, p.id(), new VersionDraft(LocalDate.of(2026, 1, 1), StandardProfiles.htNt()), "test");
            return p.id();
        });
    }

    private static long householdOf(String tenant) {
        return in(tenant, em -> em.createQuery("SELECT h.id FROM Household h", Long.class).getResultList().get(0));
    }

    @Test
    void a_version_is_read_back_rule_by_rule_and_only_in_its_tenant() {
        long id = newProfile(A, "Read back");

        List<ProfileVersion> versions = in(A, em -> TariffVersions.of(em, List.of(id)).get(id));
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(v.rules()).isEqualTo(StandardProfiles.htNt());
            assertThat(v.createdBy()).isEqualTo("test");
        });
        Map<Long, List<ProfileVersion>> seenByB = in(B, em -> TariffVersions.of(em, List.of(id)));
        TariffProfile foundByB = in(B, em -> em.find(TariffProfile.class, id));
        assertThat(seenByB).isEmpty();
        assertThat(foundByB).isNull();
    }

    @Test
    void a_household_uses_a_profile_of_its_own_tenant_only_and_is_counted() {
        long profile = newProfile(A, "Assigned");
        long householdA = householdOf(A);
        long householdB = householdOf(B);

        in(A, em -> {
            em.find(Household.class, householdA).assignTariffProfile(profile);
            return null;
        });
        Map<Long, Long> usage = in(A, em -> TariffVersions.usage(em, List.of(profile)));
        Map<Long, Long> profiles = in(A, em -> TariffVersions.profilesOf(em, List.of(householdA, householdB)));
        assertThat(usage).containsEntry(profile, 1L);
        assertThat(profiles).containsExactly(Map.entry(householdA, profile));
        assertThatThrownBy(() -> in(B, em -> {
            em.find(Household.class, householdB).assignTariffProfile(profile);
            return null;
        })).as("the foreign key includes the tenant").isInstanceOf(PersistenceException.class);
        in(A, em -> {
            em.find(Household.class, householdA).assignTariffProfile(null);
            return null;
        });
    }

    @Test
    void a_profile_goes_with_its_versions_and_rules() {
        long id = newProfile(A, "Deleted");

        in(A, em -> {
            TariffVersions.deleteAll(em, id);
            em.remove(em.find(TariffProfile.class, id));
            return null;
        });
        Map<Long, List<ProfileVersion>> versions = in(A, em -> TariffVersions.of(em, List.of(id)));
        TariffProfile found = in(A, em -> em.find(TariffProfile.class, id));
        assertThat(versions).isEmpty();
        assertThat(found).isNull();
    }
}
