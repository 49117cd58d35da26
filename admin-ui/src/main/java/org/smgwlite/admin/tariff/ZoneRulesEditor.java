package org.smgwlite.admin.tariff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smgwlite.platform.tariff.TariffRules;
import org.smgwlite.platform.tariff.ZoneRule;

/**
 * The zone rules of one profile version as rows: zone name, weekdays, from and to (15-minute steps; a "to" of 00:00 is
 * midnight at the end of the day, 24:00). Several rows may name the same zone. Errors of the service land on the row and
 * field they name ({@code zones[2].from}); coverage errors ({@code zones}) below the rows.
 */
class ZoneRulesEditor extends VerticalLayout {

    private static final Pattern ROW_FIELD = Pattern.compile("zones\\[(\\d+)]\\.(name|days|from|to)");

    private final VerticalLayout rowBox = new VerticalLayout();
    private final List<Row> rows = new ArrayList<>();
    private final Span error = new Span();

    ZoneRulesEditor() {
        rowBox.setPadding(false);
        rowBox.setSpacing(false);
        error.setId("tariff-zones-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        Button add = new Button("Add rule", VaadinIcon.PLUS.create(), e -> addRow(null));
        add.setId("tariff-rule-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(rowBox, error, add);
        setPadding(false);
    }

    void setRules(List<ZoneRule> rules) {
        rows.clear();
        rowBox.removeAll();
        rules.forEach(this::addRow);
        clearErrors();
    }

    /** The rows as rules; an empty time becomes -1, which the service refuses on that field. */
    List<ZoneRule> rules() {
        return rows.stream().map(Row::rule).toList();
    }

    void clearErrors() {
        error.setVisible(false);
        rows.forEach(Row::clearErrors);
    }

    /** Shows {@code message} on the field it names; false if this editor has no such field. */
    boolean show(String field, String message) {
        if (field.equals("zones") || field.matches("zones\\[\\d+]")) {
            error.setText(message);
            error.setVisible(true);
            return true;
        }
        Matcher m = ROW_FIELD.matcher(field);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= rows.size()) {
            return false;
        }
        rows.get(Integer.parseInt(m.group(1))).show(m.group(2), message);
        return true;
    }

    private void addRow(ZoneRule rule) {
        Row row = new Row(rows.size());
        if (rule != null) {
            row.name.setValue(rule.zone());
            row.days.setValue(rule.days());
            row.from.setValue(time(rule.fromMinute()));
            row.to.setValue(time(rule.toMinute()));
        }
        rows.add(row);
        rowBox.add(row);
    }

    private void remove(Row row) {
        List<ZoneRule> kept = new ArrayList<>(rules());
        kept.remove(rows.indexOf(row));
        setRules(kept);
    }

    private static LocalTime time(int minute) {
        return minute >= ZoneRule.DAY ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }

    /** One rule. */
    private final class Row extends HorizontalLayout {
        final TextField name = new TextField();
        final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
        final TimePicker from = new TimePicker();
        final TimePicker to = new TimePicker();

        Row(int index) {
            name.setPlaceholder("Zone");
            name.setMaxLength(TariffRules.MAX_ZONE_NAME);
            name.setWidth("7em");
            name.setId("tariff-rule-" + index + "-name");
            days.setItems(DayOfWeek.values());
            days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            days.setId("tariff-rule-" + index + "-days");
            for (TimePicker t : List.of(from, to)) {
                t.setStep(Duration.ofMinutes(15));
                t.setWidth("7.5em");
            }
            from.setPlaceholder("from");
            from.setId("tariff-rule-" + index + "-from");
            to.setPlaceholder("to");
            to.setTooltipText("00:00 as the end is midnight (24:00)");
            to.setId("tariff-rule-" + index + "-to");
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> ZoneRulesEditor.this.remove(this));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove rule");
            add(name, days, from, to, remove);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        }

        ZoneRule rule() {
            int toMinute = to.getValue() == null ? -1
                    : to.getValue().equals(LocalTime.MIDNIGHT) ? ZoneRule.DAY : to.getValue().toSecondOfDay() / 60;
            return new ZoneRule(name.getValue(), days.getValue(), from.getValue() == null ? -1 : from.getValue().toSecondOfDay() / 60,
                    toMinute);
        }

        void clearErrors() {
            name.setInvalid(false);
            days.setInvalid(false);
            from.setInvalid(false);
            to.setInvalid(false);
        }

        void show(String field, String message) {
            switch (field) {
                case "name" -> {
                    name.setErrorMessage(message);
                    name.setInvalid(true);
                }
                case "days" -> {
                    days.setErrorMessage(message);
                    days.setInvalid(true);
                }
                case "from" -> {
                    from.setErrorMessage(message);
                    from.setInvalid(true);
                }
                default -> {
                    to.setErrorMessage(message);
                    to.setInvalid(true);
                }
            }
        }
    }
}
