package org.smgwlite.platform.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smgwlite.platform.shared.InvalidInputException;

class HouseholdRulesTest {

    private static final String MELO = "DE0001234534117000000000000000001";

    private static HouseholdDraft valid() {
        return new HouseholdDraft("Familie Müller", "Lindenstraße 12", "34117", "Kassel", MELO, "1EMH0012345678", "household");
    }

    @Test
    void a_complete_household_passes() {
        HouseholdRules.validate(valid());
        Household h = new Household(valid());
        assertThat(h.messlokationId()).isEqualTo(MELO);
        assertThat(h.viewerUsername()).isEqualTo("household");
    }

    @Test
    void messlokation_must_be_33_characters_starting_with_DE() {
        assertThat(HouseholdRules.checkMesslokationId(MELO)).isEmpty();
        assertThat(HouseholdRules.checkMesslokationId("DE123")).contains("must be 33 characters, has 5");
        assertThat(HouseholdRules.checkMesslokationId("AT0001234534117000000000000000001")).contains("must start with DE");
        assertThat(HouseholdRules.checkMesslokationId("DE000123453411700000000000000000a"))
                .contains("after DE only digits and capital letters are allowed");
        assertThat(HouseholdRules.checkMesslokationId(null)).contains("must be 33 characters, has 0");
    }

    @Test
    void postal_code_is_five_digits() {
        assertThat(HouseholdRules.checkPostalCode("34117")).isEmpty();
        assertThat(HouseholdRules.checkPostalCode("3411")).isPresent();
        assertThat(HouseholdRules.checkPostalCode("3411a")).isPresent();
    }

    @Test
    void viewer_is_optional_but_must_look_like_a_username() {
        assertThat(HouseholdRules.checkViewerUsername("")).isEmpty();
        assertThat(HouseholdRules.checkViewerUsername(null)).isEmpty();
        assertThat(HouseholdRules.checkViewerUsername("max.mustermann@example.org")).isEmpty();
        assertThat(HouseholdRules.checkViewerUsername("max mustermann")).isPresent();
    }

    @Test
    void every_bad_field_is_reported_at_once_and_the_entity_keeps_its_values() {
        Household h = new Household(valid());
        HouseholdDraft bad = new HouseholdDraft(" ", "Weg 1", "1", "Ort", "DE1", "", null);

        assertThatThrownBy(() -> h.apply(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("name", "postalCode", "messlokationId", "meterId"))
                .hasMessageContaining("messlokationId: must be 33 characters, has 3");
        assertThat(h.name()).isEqualTo("Familie Müller");
        assertThat(h.postalCode()).isEqualTo("34117");
    }

    @Test
    void blank_viewer_is_stored_as_none() {
        Household h = new Household(new HouseholdDraft("A", "B", "12345", "C", MELO, "1EMH0012345678", "  "));
        assertThat(h.viewerUsername()).isNull();
    }
}
