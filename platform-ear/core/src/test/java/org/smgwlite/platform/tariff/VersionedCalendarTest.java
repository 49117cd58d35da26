package org.smgwlite.platform.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class VersionedCalendarTest {

    private static ProfileVersion version(String from, List<ZoneRule> rules) {
        return new ProfileVersion(0, LocalDate.parse(from), Instant.EPOCH, "test", rules, TariffRules.compile(rules));
    }

    /** From 2027-01-01: HT only until 20:00, and a third zone "ST" (Schwachlast) at night. */
    private static final List<ZoneRule> THREE_ZONES = List.of(
            ZoneRule.of("ST", EnumSet.allOf(DayOfWeek.class), "00:00", "04:00"),
            ZoneRule.of("HT", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "06:00", "20:00"),
            ZoneRule.of("NT", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "04:00", "06:00"),
            ZoneRule.of("NT", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "20:00", "24:00"),
            ZoneRule.of("NT", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "04:00", "24:00"));

    private final TariffCalendar calendar = new VersionedCalendar("HT/NT", List.of(
            version("2027-01-01", THREE_ZONES), version("2026-01-01", StandardProfiles.htNt())));

    private int zone(String localDateTime) {
        return calendar.zoneOf(LocalDateTime.parse(localDateTime));
    }

    @Test
    void known_quarter_hours_of_the_ht_nt_example_map_to_their_zone() {
        assertThat(calendar.zones()).containsExactly("HT", "NT", "ST");
        assertThat(calendar.profileName()).isEqualTo("HT/NT");
        // Monday 2026-11-30
        assertThat(zone("2026-11-30T05:45")).isEqualTo(1);
        assertThat(zone("2026-11-30T06:00")).isEqualTo(0);
        assertThat(zone("2026-11-30T21:45")).isEqualTo(0);
        assertThat(zone("2026-11-30T22:00")).isEqualTo(1);
        // Saturday 2026-12-05 at noon
        assertThat(zone("2026-12-05T12:00")).isEqualTo(1);
    }

    @Test
    void the_newest_version_on_or_before_the_date_applies() {
        assertThat(zone("2026-12-31T20:00")).as("Thu, old version: HT until 22:00").isEqualTo(0);
        assertThat(zone("2027-01-01T20:00")).as("Fri, new version from its first quarter hour").isEqualTo(1);
        assertThat(zone("2027-01-01T03:45")).as("new zone ST").isEqualTo(2);
        assertThat(zone("2025-12-31T12:00")).as("before the first version").isEqualTo(TariffCalendar.NO_ZONE);
    }

    @Test
    void the_autumn_repeated_hour_maps_by_local_time() {
        // Sunday 2026-10-25: 02:00-03:00 local happens twice; both are NT, as every Sunday quarter hour
        assertThat(zone("2026-10-25T02:15")).isEqualTo(1);
    }

    @Test
    void a_start_off_the_quarter_hour_is_a_programming_error() {
        assertThatThrownBy(() -> zone("2026-11-30T06:05")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_a_profile_there_are_no_zones() {
        assertThat(VersionedCalendar.NONE.zones()).isEmpty();
        assertThat(VersionedCalendar.NONE.profileName()).isNull();
        assertThat(VersionedCalendar.NONE.zoneOf(LocalDateTime.parse("2026-11-30T06:00"))).isEqualTo(TariffCalendar.NO_ZONE);
    }

    @Test
    void a_change_applies_from_today_on_and_never_twice_on_one_date() {
        LocalDate today = LocalDate.parse("2026-11-30");
        List<LocalDate> existing = List.of(LocalDate.parse("2026-01-01"));

        assertThat(VersionDates.check(LocalDate.parse("2020-01-01"), List.of(), today)).as("first version: any date")
                .isEqualTo("2020-01-01");
        assertThat(VersionDates.check(today, existing, today)).isEqualTo(today);
        assertThatThrownBy(() -> VersionDates.check(LocalDate.parse("2026-11-29"), existing, today))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("validFrom: a change applies from today (2026-11-30)");
        assertThatThrownBy(() -> VersionDates.check(LocalDate.parse("2026-01-01"), existing, LocalDate.parse("2025-06-01")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has a version from 2026-01-01 already");
    }
}
