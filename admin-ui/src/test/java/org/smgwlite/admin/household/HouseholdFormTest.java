package org.smgwlite.admin.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smgwlite.admin.tariff.TariffChoices;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.shared.InvalidInputException;

/** The household form as an operator uses it: what is typed is what is saved, and a broken rule stops the save. */
class HouseholdFormTest {

    private static final String MELO = "DE0001234534117000000000000000042";
    private static final HouseholdDraft MUELLER =
            new HouseholdDraft("Familie Müller", "Hauptstraße 1", "34117", "Kassel", MELO, "1EMH0012345678", "household");

    /** The households here have no tariff profile, so the picker never asks the service. */
    private static final TariffChoices NO_TARIFFS = new TariffChoices(null, TenantId.of("form-test"));

    private final List<HouseholdDraft> saved = new ArrayList<>();
    private HouseholdForm form = new HouseholdForm((id, version, draft, tariffBefore, tariff) -> saved.add(draft), () -> { }, NO_TARIFFS);

    @Test
    void a_new_household_is_saved_as_typed_with_an_empty_viewer() {
        form.create();
        type("household-name", "Familie Test");
        type("household-street", "Testweg 1");
        type("household-postal-code", "34117");
        type("household-city", "Kassel");
        type("household-messlokation", MELO);
        type("household-meter", "1EMH0099887766");
        click("household-save");

        assertThat(saved).containsExactly(
                new HouseholdDraft("Familie Test", "Testweg 1", "34117", "Kassel", MELO, "1EMH0099887766", ""));
    }

    @Test
    void a_field_that_breaks_its_rule_shows_the_rule_and_nothing_is_saved() {
        form.edit(new Household(MUELLER));
        type("household-messlokation", "DE123");
        click("household-save");

        assertThat(field("household-messlokation").isInvalid()).isTrue();
        assertThat(field("household-messlokation").getErrorMessage()).isEqualTo("must be 33 characters, has 5");
        assertThat(saved).isEmpty();
    }

    @Test
    void editing_shows_the_household_and_saves_it_unchanged_when_nothing_is_typed() {
        form.edit(new Household(MUELLER));

        assertThat(field("household-name").getValue()).isEqualTo("Familie Müller");
        assertThat(field("household-viewer").getValue()).isEqualTo("household");
        click("household-save");
        assertThat(saved).containsExactly(MUELLER);
    }

    @Test
    void a_rejection_only_the_service_can_make_is_shown_on_its_field() {
        form = new HouseholdForm((id, version, draft, tariffBefore, tariff) -> {
            throw new InvalidInputException(Map.of("messlokationId", "already used in this tenant"));
        }, () -> { }, NO_TARIFFS);
        form.edit(new Household(MUELLER));
        click("household-save");

        assertThat(field("household-messlokation").isInvalid()).isTrue();
        assertThat(field("household-messlokation").getErrorMessage()).isEqualTo("already used in this tenant");
    }

    private void type(String id, String value) {
        field(id).setValue(value);
    }

    private void click(String id) {
        ((Button) find(id)).click();
    }

    private TextField field(String id) {
        return (TextField) find(id);
    }

    private Component find(String id) {
        return descendants(form).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no #" + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(HouseholdFormTest::descendants));
    }
}
