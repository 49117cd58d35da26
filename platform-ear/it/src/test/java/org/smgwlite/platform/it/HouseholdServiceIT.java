package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * HouseholdService on a real Payara against a real PostgreSQL: tenant isolation through both
 * walls (EclipseLink discriminator and row-level security), validation, duplicates and
 * concurrent edits.
 */
@ExtendWith(ArquillianExtension.class)
class HouseholdServiceIT {

    private static final TenantId A = TenantId.of("it-tenant-a");
    private static final TenantId B = TenantId.of("it-tenant-b");

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("household-service-it.war")
                .addClasses(HouseholdServiceIT.class, ItTenants.class);
    }

    @Inject
    HouseholdService households;

    @Inject
    TenantService tenants;

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = "java:app/jdbc/smgw")
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    private void tenantsExist() {
        ItTenants.ensure(tenants, TenantKind.ENERGY_COMMUNITY, A, B);
    }

    private static HouseholdDraft draft(String name, String melo) {
        return new HouseholdDraft(name, "Teststraße 1", "12345", "Teststadt", melo, "1EMH0000000001", null);
    }

    /** A Messlokation id unique to this test run, so that a database kept from an earlier run does not clash. */
    private static final String RUN = String.format("%08d", new java.util.Random().nextInt(100_000_000));

    private static String melo(String tag) {
        String suffix = tag + RUN;
        String base = "DE0000000000000000000000000000000";
        return base.substring(0, 33 - suffix.length()) + suffix;
    }

    @Test
    void household_of_one_tenant_is_invisible_to_another() {
        tenantsExist();
        Household created = households.create(A, draft("Isolation A", melo("ISO1")));

        assertThat(households.page(A, created.messlokationId(), new PageRequest(0, 10))).extracting(Household::id)
                .containsExactly(created.id());
        assertThat(households.page(B, created.messlokationId(), new PageRequest(0, 10))).isEmpty();
        assertThat(households.count(B, "Isolation A")).isZero();
        assertThatThrownBy(() -> households.get(B, created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> households.delete(B, created.id())).isInstanceOf(NotFoundException.class);
        assertThat(households.get(A, created.id()).tenantId()).isEqualTo(A);
    }

    @Test
    void row_level_security_hides_other_tenants_rows_even_from_native_sql() throws Exception {
        tenantsExist();
        households.create(A, draft("RLS A", melo("RLS1")));

        assertThat(householdsOfASeenBy(B)).as("rows of tenant A seen by a transaction bound to B").isZero();
        assertThat(householdsOfASeenBy(null)).as("the same rows to the platform's login role outside any binding").isZero();
        assertThat(householdsOfASeenBy(A)).as("the same rows in a transaction bound to A").isPositive();
    }

    /** Tenant A's households as native SQL counts them in a transaction bound to {@code bound} (null: unbound). */
    private long householdsOfASeenBy(TenantId bound) throws Exception {
        tx.begin();
        try {
            var em = bound == null ? null : entityManagers.forTenant(bound);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM household WHERE tenant_id = '" + A.value() + "'")) {
                rs.next();
                return rs.getLong(1);
            } finally {
                if (em != null) {
                    em.close();
                }
            }
        } finally {
            tx.rollback();
        }
    }

    @Test
    void a_transaction_cannot_be_bound_to_two_tenants() throws Exception {
        tx.begin();
        try {
            entityManagers.forTenant(A).close();
            assertThatThrownBy(() -> entityManagers.forTenant(B))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bound to tenant " + A);
        } finally {
            tx.rollback();
        }
    }

    @Test
    void the_list_is_paged_by_name_and_searched_by_the_start_of_name_city_or_messlokation() {
        tenantsExist();
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        Household b = households.create(A, new HouseholdDraft("Suche " + run + " Beta", "Weg 1", "12345", "Kassel", melo("SRB"),
                "1EMH0000000001", null));
        Household a = households.create(A, new HouseholdDraft("Suche " + run + " Alpha", "Weg 2", "12345", "Kassel", melo("SRA"),
                "1EMH0000000002", null));

        assertThat(households.count(A, "SUCHE " + run)).isEqualTo(2);
        assertThat(households.page(A, "suche " + run, new PageRequest(0, 1))).extracting(Household::id).containsExactly(a.id());
        assertThat(households.page(A, "suche " + run, new PageRequest(1, 1))).extracting(Household::id).containsExactly(b.id());
        assertThat(households.page(A, a.messlokationId().toLowerCase(), new PageRequest(0, 10))).extracting(Household::id)
                .containsExactly(a.id());
        assertThat(households.count(A, "%")).as("a % in the search is no wildcard").isZero();
        assertThat(households.count(A, "")).isGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> households.page(A, "", new PageRequest(0, PageRequest.MAX_LIMIT + 1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_saved() {
        tenantsExist();
        long before = households.count(A, "");
        HouseholdDraft bad = new HouseholdDraft("", "Weg 1", "1234", "Ort", "DE123", "1EMH0000000001", "not a user!");

        assertThatThrownBy(() -> households.create(A, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("name", "postalCode", "messlokationId", "viewerUsername")
                        .containsEntry("messlokationId", "must be 33 characters, has 5"));
        assertThat(households.count(A, "")).isEqualTo(before);
    }

    @Test
    void a_messlokation_is_unique_within_a_tenant_but_not_across_tenants() {
        tenantsExist();
        households.create(A, draft("Dup 1", melo("DUP1")));
        assertThatThrownBy(() -> households.create(A, draft("Dup 2", melo("DUP1"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("messlokationId");
        assertThat(households.create(B, draft("Dup in B", melo("DUP1"))).id()).isNotNull();
    }

    @Test
    void an_edit_based_on_a_stale_version_is_refused() {
        tenantsExist();
        Household h = households.create(A, draft("Version", melo("VER1")));
        households.update(A, h.id(), h.version(), draft("Version edited", melo("VER1")));

        assertThatThrownBy(() -> households.update(A, h.id(), h.version(), draft("Lost update", melo("VER1"))))
                .isInstanceOf(ConflictException.class);
        assertThat(households.get(A, h.id()).name()).isEqualTo("Version edited");
    }
}
