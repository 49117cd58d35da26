package org.smgwlite.admin.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.tariff.StandardProfiles;

/** The zone rules editor as an operator uses it: rules shown are the rules saved, errors land on their field. */
class ZoneRulesEditorTest {

    private final ZoneRulesEditor editor = new ZoneRulesEditor();

    @Test
    void ht_nt_comes_back_unchanged_with_midnight_as_the_end_of_the_day() {
        editor.setRules(StandardProfiles.htNt());

        assertThat(editor.rules()).isEqualTo(StandardProfiles.htNt());
        assertThat(((TimePicker) find("tariff-rule-2-to")).getValue()).hasToString("00:00");
    }

    @Test
    void a_rule_error_is_shown_on_its_row_and_a_coverage_error_below_the_rows() {
        editor.setRules(StandardProfiles.htNt());

        assertThat(editor.show("zones[0].from", "06:10 is not on a quarter hour")).isTrue();
        assertThat(editor.show("zones", "Monday 05:45-06:00 is in no zone")).isTrue();
        assertThat(editor.show("zones[9].from", "no such row")).isFalse();

        TimePicker from = (TimePicker) find("tariff-rule-0-from");
        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isEqualTo("06:10 is not on a quarter hour");
        assertThat(find("tariff-zones-error").getElement().getText()).isEqualTo("Monday 05:45-06:00 is in no zone");
    }

    @Test
    void weekday_runs_read_as_ranges_in_the_history() {
        assertThat(RuleText.days(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)))
                .isEqualTo("Mon-Wed,Fri");
        assertThat(RuleText.of(StandardProfiles.htNt().get(0))).isEqualTo("HT Mon-Fri 06:00-22:00");
    }

    private Component find(String id) {
        return descendants(editor).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no #" + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ZoneRulesEditorTest::descendants));
    }
}
