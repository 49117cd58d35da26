package org.smgwlite.platform.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class TariffRulesTest {

    private static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private static InvalidInputException refused(List<ZoneRule> rules) {
        try {
            TariffRules.compile(rules);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + rules);
    }

    @Test
    void ht_nt_compiles_to_a_table_with_ht_on_workdays_from_six_to_ten() {
        WeekTable table = TariffRules.compile(StandardProfiles.htNt());

        assertThat(table.zones()).containsExactly("HT", "NT");
        assertThat(table.zoneAt(DayOfWeek.MONDAY, 23)).as("Mon 05:45").isEqualTo(1);
        assertThat(table.zoneAt(DayOfWeek.MONDAY, 24)).as("Mon 06:00").isEqualTo(0);
        assertThat(table.zoneAt(DayOfWeek.FRIDAY, 87)).as("Fri 21:45").isEqualTo(0);
        assertThat(table.zoneAt(DayOfWeek.FRIDAY, 88)).as("Fri 22:00").isEqualTo(1);
        assertThat(table.zoneAt(DayOfWeek.SATURDAY, 48)).as("Sat 12:00").isEqualTo(1);
        assertThat(table.zoneAt(DayOfWeek.SUNDAY, 95)).as("Sun 23:45").isEqualTo(1);
    }

    @Test
    void a_hole_names_the_weekday_and_the_time() {
        List<ZoneRule> rules = new ArrayList<>(StandardProfiles.htNt());
        rules.set(1, ZoneRule.of("NT", WORKDAYS, "00:00", "05:45"));

        assertThat(refused(rules).fieldErrors()).containsEntry("zones", "Monday 05:45-06:00 is in no zone");
    }

    @Test
    void an_overlap_names_the_weekday_the_time_and_the_zones() {
        List<ZoneRule> rules = new ArrayList<>(StandardProfiles.htNt());
        rules.set(0, ZoneRule.of("HT", WORKDAYS, "05:30", "22:00"));

        assertThat(refused(rules).fieldErrors())
                .containsEntry("zones", "Monday 05:30-06:00 is in more than one zone rule (HT, NT)");
    }

    @Test
    void a_weekday_without_any_rule_is_a_hole_over_the_whole_day() {
        List<ZoneRule> rules = List.of(ZoneRule.of("HT", WORKDAYS, "00:00", "24:00"),
                ZoneRule.of("NT", EnumSet.of(DayOfWeek.SATURDAY), "00:00", "24:00"));

        assertThat(refused(rules).fieldErrors()).containsEntry("zones", "Sunday 00:00-24:00 is in no zone");
    }

    @Test
    void a_boundary_off_the_quarter_hour_is_refused_on_its_field() {
        List<ZoneRule> rules = new ArrayList<>(StandardProfiles.htNt());
        rules.set(0, ZoneRule.of("HT", WORKDAYS, "06:10", "22:00"));

        assertThat(refused(rules).fieldErrors())
                .containsEntry("zones[0].from", "06:10 is not on a quarter hour (:00, :15, :30, :45)")
                .doesNotContainKey("zones");
    }

    @Test
    void names_days_and_order_of_times_are_checked_per_rule() {
        List<ZoneRule> rules = List.of(
                ZoneRule.of("", WEEKEND, "00:00", "24:00"),
                ZoneRule.of("HT", Set.of(), "00:00", "24:00"),
                ZoneRule.of("A name of seventeen", WORKDAYS, "00:00", "24:00"),
                ZoneRule.of("NT", WORKDAYS, "22:00", "06:00"));

        assertThat(refused(rules).fieldErrors())
                .containsEntry("zones[0].name", "zone name must be 1 to 16 printable characters")
                .containsEntry("zones[1].days", "at least one weekday is required")
                .containsKey("zones[2].name")
                .containsEntry("zones[3].to", "must be after 22:00 (a window over midnight is two rules)");
    }

    @Test
    void at_most_eight_zones() {
        List<ZoneRule> rules = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rules.add(ZoneRule.of("Z" + i, EnumSet.allOf(DayOfWeek.class), DayTimes.text(i * 60), DayTimes.text(i * 60 + 60)));
        }
        rules.add(ZoneRule.of("Z9", EnumSet.allOf(DayOfWeek.class), "09:00", "24:00"));

        assertThat(refused(rules).fieldErrors().get("zones")).startsWith("at most 8 zones, has 10");
    }

    @Test
    void times_are_hh_mm_up_to_twenty_four() {
        assertThat(DayTimes.minuteOf("to", "24:00")).isEqualTo(1440);
        assertThat(DayTimes.minuteOf("from", " 06:15 ")).isEqualTo(375);
        assertThatThrownBy(() -> DayTimes.minuteOf("to", "24:15")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("to: must not be after 24:00");
        assertThatThrownBy(() -> DayTimes.minuteOf("from", "6:00")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from: must be a time HH:mm");
    }

    @Test
    void a_profile_needs_a_name() {
        assertThatThrownBy(() -> TariffRules.name("  ")).isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid input: name: is required");
        assertThat(TariffRules.name(" HT/NT ")).isEqualTo("HT/NT");
    }

    @Test
    void weekdays_round_trip_through_the_stored_bits() {
        ZoneRule rule = ZoneRule.of("HT", WORKDAYS, "06:00", "22:00");
        assertThat(rule.dayBits()).isEqualTo(0b0011111);
        assertThat(ZoneRule.daysOf(rule.dayBits())).isEqualTo(WORKDAYS);
    }
}
