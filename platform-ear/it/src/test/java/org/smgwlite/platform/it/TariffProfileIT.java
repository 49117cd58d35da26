package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
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
import org.smgwlite.platform.tariff.StandardProfiles;
import org.smgwlite.platform.tariff.TariffCalendar;
import org.smgwlite.platform.tariff.TariffProfileDetails;
import org.smgwlite.platform.tariff.TariffService;
import org.smgwlite.platform.tariff.VersionDraft;
import org.smgwlite.platform.tariff.ZoneRule;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * TariffService on a real Payara against a real PostgreSQL (V16): a profile created with a version, changed by a new
 * version, assigned to a household whose calendar then follows it; bad profiles refused with nothing stored; tenant
 * isolation; a profile in use cannot be deleted.
 */
@ExtendWith(ArquillianExtension.class)
class TariffProfileIT {

    private static final TenantId A = TenantId.of("it-tenant-a");
    private static final TenantId B = TenantId.of("it-tenant-b");
    private static final String RUN = Long.toString(System.nanoTime(), 36).toUpperCase();
    private static final EnumSet<DayOfWeek> ALL_WEEK = EnumSet.allOf(DayOfWeek.class);

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("tariff-profile-it.war").addClasses(TariffProfileIT.class, ItTenants.class);
    }

    @Inject
    TariffService tariffs;

    @Inject
    HouseholdService households;

    @Inject
    TenantService tenants;

    private long household(TenantId tenant, String tag) {
        ItTenants.ensure(tenants, TenantKind.ENERGY_COMMUNITY, A, B);
        String suffix = tag + RUN;
        String melo = "DE0000000000000000000000000000000".substring(0, 33 - suffix.length()) + suffix;
        Household h = households.create(tenant, new HouseholdDraft("Tariff " + tag + " " + RUN, "Weg 1", "12345", "Ort", melo,
                "1EMH0000000001", null));
        return h.id();
    }

    private TariffProfileDetails htNt(TenantId tenant, String name) {
        ItTenants.ensure(tenants, TenantKind.ENERGY_COMMUNITY, A, B);
        return tariffs.create(tenant, "it", name + " " + RUN, new VersionDraft(LocalDate.of(2026, 1, 1), StandardProfiles.htNt()));
    }

    @Test
    void a_profile_is_created_versioned_and_assigned_and_the_households_calendar_follows_it() {
        TariffProfileDetails created = htNt(A, "Lifecycle");
        LocalDate next = LocalDate.now().plusDays(3);
        TariffProfileDetails versioned = tariffs.addVersion(A, "it", created.id(),
                new VersionDraft(next, List.of(ZoneRule.of("FLAT", ALL_WEEK, "00:00", "24:00"))));
        long household = household(A, "LC");
        tariffs.assign(A, "it", household, created.id());

        assertThat(versioned.versions()).extracting(v -> v.validFrom()).containsExactly(LocalDate.of(2026, 1, 1), next);
        TariffCalendar calendar = tariffs.calendarOf(A, household);
        assertThat(calendar.profileName()).isEqualTo("Lifecycle " + RUN);
        assertThat(calendar.zones()).containsExactly("HT", "NT", "FLAT");
        // Monday 2026-11-30 at 06:00 is HT; from the new version's date on every quarter hour is FLAT
        assertThat(calendar.zoneOf(LocalDateTime.parse("2026-11-30T06:00"))).isZero();
        assertThat(calendar.zoneOf(next.atTime(6, 0))).isEqualTo(2);
        assertThat(tariffs.calendarsOf(A, List.of(household, household(A, "NP"))).values())
                .extracting(TariffCalendar::profileName).containsExactlyInAnyOrder("Lifecycle " + RUN, null);
        assertThat(tariffs.get(A, created.id()).households()).isEqualTo(1);

        assertThatThrownBy(() -> tariffs.delete(A, "it", created.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is assigned to 1 household");
        tariffs.assign(A, "it", household, null);
        assertThat(tariffs.calendarOf(A, household).zones()).isEmpty();
        tariffs.delete(A, "it", created.id());
        assertThatThrownBy(() -> tariffs.get(A, created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_bad_profile_is_refused_naming_weekday_and_time_and_nothing_is_stored() {
        ItTenants.ensure(tenants, TenantKind.ENERGY_COMMUNITY, A, B);
        List<ZoneRule> hole = new ArrayList<>(StandardProfiles.htNt());
        hole.set(1, ZoneRule.of("NT", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "00:00", "05:45"));
        long before = tariffs.count(A, "Bad " + RUN);

        assertThatThrownBy(() -> tariffs.create(A, "it", "Bad " + RUN, new VersionDraft(LocalDate.of(2026, 1, 1), hole)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("zones", "Monday 05:45-06:00 is in no zone"));
        assertThat(tariffs.count(A, "Bad " + RUN)).isEqualTo(before);

        TariffProfileDetails p = htNt(A, "History");
        assertThatThrownBy(() -> tariffs.addVersion(A, "it", p.id(),
                new VersionDraft(LocalDate.now().minusDays(1), StandardProfiles.htNt())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("validFrom"));
        assertThatThrownBy(() -> htNt(A, "History")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.field()).contains("name"));
        assertThat(tariffs.get(A, p.id()).versions()).hasSize(1);
    }

    @Test
    void a_profile_of_one_tenant_is_invisible_to_another_and_cannot_be_assigned_there() {
        TariffProfileDetails p = htNt(A, "Isolation");
        long householdOfB = household(B, "ISO");

        assertThat(tariffs.page(B, "Isolation " + RUN, new PageRequest(0, 10))).isEmpty();
        assertThat(tariffs.page(A, "isolation " + RUN, new PageRequest(0, 10))).extracting(s -> s.id()).containsExactly(p.id());
        assertThatThrownBy(() -> tariffs.get(B, p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tariffs.delete(B, "it", p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tariffs.assign(B, "it", householdOfB, p.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("profileId"));
        assertThatThrownBy(() -> tariffs.assign(A, "it", householdOfB, p.id())).isInstanceOf(NotFoundException.class);
        Map<Long, TariffCalendar> calendars = tariffs.calendarsOf(B, List.of(householdOfB));
        assertThat(calendars.get(householdOfB).zones()).isEmpty();
    }
}
