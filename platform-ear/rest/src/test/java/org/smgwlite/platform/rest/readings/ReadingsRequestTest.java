package org.smgwlite.platform.rest.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;

class ReadingsRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static void refused(String from, String to, String field, String message) {
        assertThatThrownBy(() -> ReadingsPeriod.parse(from, to, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(field))
                .hasMessageContaining(message);
    }

    @Test
    void to_is_the_last_day_inclusive_in_berlin_time() {
        CurveRange year = ReadingsPeriod.parse("2025-01-01", "2025-12-31", TODAY);

        assertThat(year.first()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(year.endExclusive()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.from()).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(year.slotCount()).isEqualTo(35_040);
        assertThat(ReadingsPeriod.parse("2026-11-30", "2026-11-30", TODAY).slotCount()).as("today").isEqualTo(96);
    }

    @Test
    void a_leap_year_of_366_days_is_the_most_one_call_returns() {
        assertThat(ReadingsPeriod.parse("2024-01-01", "2024-12-31", TODAY).slotCount()).isEqualTo(366 * 96);
        refused("2024-01-01", "2025-01-01", "to", "at most 366 days");
    }

    @Test
    void bad_dates_name_their_field() {
        refused(null, "2026-01-01", "from", "is required");
        refused("2026-01-01", "", "to", "is required");
        refused("2026-13-01", "2026-12-01", "from", "local date like");
        refused("2026-02-01", "2026-01-31", "to", "must not be before from");
        refused("2026-11-01", "2026-12-01", "to", "must not be in the future (today is 2026-11-30)");
        refused("2026-12-01", "2026-12-02", "from", "must not be in the future");
    }

    @Test
    void the_format_is_csv_json_or_mscons_and_json_by_default() {
        assertThat(ReadingsFormat.parse("MSCONS")).isEqualTo(ReadingsFormat.MSCONS);
        assertThat(ReadingsFormat.parse(" csv ")).isEqualTo(ReadingsFormat.CSV);
        assertThat(ReadingsFormat.parse(null)).isEqualTo(ReadingsFormat.JSON);
        assertThatThrownBy(() -> ReadingsFormat.parse("xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format: must be one of csv, json, mscons, was 'xml'");
    }

    @Test
    void a_login_viewing_several_households_names_one_of_its_own() {
        List<HouseholdChoice.Option> two = List.of(new HouseholdChoice.Option(12, "Haus A"), new HouseholdChoice.Option(15, "Haus B"));

        assertThat(HouseholdChoice.choose("u", two.subList(0, 1), null)).isEqualTo(12);
        assertThat(HouseholdChoice.choose("u", two, "15")).isEqualTo(15);
        assertThatThrownBy(() -> HouseholdChoice.choose("u", two, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("household: is required").hasMessageContaining("12 (Haus A), 15 (Haus B)");
        assertThatThrownBy(() -> HouseholdChoice.choose("u", two, "13")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> HouseholdChoice.choose("u", two, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> HouseholdChoice.choose("u", List.of(), null)).isInstanceOf(NotFoundException.class);
    }
}
