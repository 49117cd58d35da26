package org.smgwlite.platform.rest.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tariff.VersionDraft;

class ZoneRulesJsonTest {

    @Test
    void a_version_is_read_with_weekdays_in_any_case_and_24_00_as_the_end() {
        VersionDraft draft = ZoneRulesJson.draft("2026-12-01", List.of(
                new ZoneRulesJson.Rule("NT", List.of("saturday", "SUNDAY"), "00:00", "24:00")));

        assertThat(draft.validFrom()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(draft.rules().get(0).days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(draft.rules().get(0).toMinute()).isEqualTo(1440);
    }

    @Test
    void every_unreadable_field_is_named_at_once() {
        try {
            ZoneRulesJson.draft("1.12.2026", List.of(
                    new ZoneRulesJson.Rule("HT", List.of("MONDAY", "Funday"), "6:00", "22:00")));
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            assertThat(e.fieldErrors()).containsOnlyKeys("validFrom", "zones[0].days", "zones[0].from");
            assertThat(e.fieldErrors().get("zones[0].days")).contains("Funday");
        }
    }
}
