package org.smgwlite.admin.tariff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tariff.TariffRules;
import org.smgwlite.platform.tariff.VersionDraft;
import org.smgwlite.platform.tariff.ZoneRule;

/**
 * A new profile (with its name) or a new version of one: valid from, zone rules. The service's field errors are shown
 * at their fields ({@code name}, {@code validFrom}, {@code zones...}) and the dialog stays open; nothing was stored.
 */
class VersionDialog extends Dialog {

    /** Stores what was entered; {@code name} is null for a new version. */
    interface Saver {
        void save(String name, VersionDraft draft);
    }

    private final TextField name = new TextField("Name");
    private final DatePicker validFrom = new DatePicker("Valid from");
    private final ZoneRulesEditor rules = new ZoneRulesEditor();

    /** @param profileName null for a new profile (the name is asked for), else the profile a version is added to */
    VersionDialog(String profileName, LocalDate from, List<ZoneRule> initial, Saver saver) {
        setHeaderTitle(profileName == null ? "New tariff profile" : "New version of " + profileName);
        setId("tariff-version-dialog");
        setWidth("60em");
        name.setId("tariff-name");
        name.setMaxLength(TariffRules.MAX_PROFILE_NAME);
        name.setVisible(profileName == null);
        name.setWidth("20em");
        validFrom.setId("tariff-valid-from");
        validFrom.setValue(from);
        validFrom.setHelperText(profileName == null ? "The first version may start on any date"
                : "Today or later; earlier versions stay as they were");
        rules.setRules(initial);
        Paragraph help = new Paragraph("Every quarter hour of every weekday in exactly one zone, times on quarter hours."
                + " A zone may have several rules (e.g. NT before 06:00 and after 22:00).");
        help.getStyle().set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout body = new VerticalLayout(name, validFrom, help, rules);
        body.setPadding(false);
        add(body);

        Button save = new Button(profileName == null ? "Create profile" : "Add version", e -> save(saver, profileName == null));
        save.setId("tariff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("tariff-cancel");
        getFooter().add(cancel, save);
    }

    private void save(Saver saver, boolean withName) {
        name.setInvalid(false);
        validFrom.setInvalid(false);
        rules.clearErrors();
        try {
            saver.save(withName ? name.getValue() : null, new VersionDraft(validFrom.getValue(), rules.rules()));
            close();
        } catch (InvalidInputException e) {
            boolean all = true;
            for (var error : e.fieldErrors().entrySet()) {
                all &= show(error.getKey(), error.getValue());
            }
            if (!all) {
                throw e;
            }
        } catch (ConflictException e) {
            if (e.field().isEmpty() || !show(e.field().get(), e.getMessage())) {
                throw e;
            }
        }
    }

    private boolean show(String field, String message) {
        switch (field) {
            case "name" -> {
                name.setErrorMessage(message);
                name.setInvalid(true);
                return true;
            }
            case "validFrom" -> {
                validFrom.setErrorMessage(message);
                validFrom.setInvalid(true);
                return true;
            }
            default -> {
                return rules.show(field, message);
            }
        }
    }
}
