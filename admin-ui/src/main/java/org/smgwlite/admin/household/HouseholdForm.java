package org.smgwlite.admin.household;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableFunction;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.admin.tariff.TariffChoices;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdRules;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Add or edit one household. Each field shows the message of the same {@link HouseholdRules} rule
 * the service enforces; a rule only the database can check (a duplicate Messlokation) comes back
 * as {@link InvalidInputException} and is shown on its field. Nothing is saved while any field is
 * in error. The household's TAF 2 tariff profile is picked from the tenant's profiles ({@link TariffChoices}) and
 * assigned after the household is saved.
 */
class HouseholdForm extends VerticalLayout {

    /**
     * Saves a draft; for an existing household the id and the version the editor loaded; the tariff profile it had
     * ({@code tariffBefore}, null for none) and the one chosen ({@code tariff}, null for none).
     */
    interface Saver {
        void save(Long id, long version, HouseholdDraft draft, Long tariffBefore, TariffChoices.Choice tariff);
    }

    private final H3 title = new H3();
    /** The fields, in form order, by the name the service gives them in an {@link InvalidInputException}. */
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    /** Binds each field to its entry (same name) of the values being edited. */
    private final Binder<Map<String, String>> binder = new Binder<>();

    private final TariffChoices tariffChoices;
    private final ComboBox<TariffChoices.Choice> tariff;

    private Long editingId;
    private long editingVersion;
    private Long editingTariff;
    private Map<String, String> values;

    HouseholdForm(Saver saver, Runnable onClose, TariffChoices tariffChoices) {
        this.tariffChoices = tariffChoices;
        this.tariff = tariffChoices.comboBox();
        tariff.setId("household-tariff");
        tariff.setWidthFull();
        field("name", "Name", "household-name", HouseholdRules::checkName);
        field("street", "Street", "household-street", HouseholdRules::checkStreet);
        field("postalCode", "Postal code", "household-postal-code", HouseholdRules::checkPostalCode).setMaxLength(5);
        field("city", "City", "household-city", HouseholdRules::checkCity);
        TextField messlokationId = field("messlokationId", "Messlokation id", "household-messlokation",
                HouseholdRules::checkMesslokationId);
        messlokationId.setHelperText("33 characters, DE followed by digits and capital letters");
        messlokationId.setMaxLength(33);
        field("meterId", "Meter id", "household-meter", HouseholdRules::checkMeterId);
        field("viewerUsername", "Viewer (Keycloak username)", "household-viewer", HouseholdRules::checkViewerUsername);

        Button save = new Button("Save", e -> {
            if (binder.writeBeanIfValid(values)) {
                try {
                    saver.save(editingId, editingVersion, draftOf(values), editingTariff, tariff.getValue());
                } catch (InvalidInputException ex) {
                    showOnFields(ex);
                }
            }
        });
        save.setId("household-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> onClose.run());
        cancel.setId("household-cancel");

        FormLayout form = new FormLayout(fields.values().toArray(Component[]::new));
        form.add(tariff);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(title, form, new HorizontalLayout(save, cancel));
        setId("household-form");
        setWidth("26em");
    }

    void edit(Household household) {
        editingId = household.id();
        editingVersion = household.version();
        title.setText("Edit household");
        load(household.toDraft());
        editingTariff = household.tariffProfileId().orElse(null);
        tariff.setValue(tariffChoices.of(editingTariff).orElse(null));
    }

    void create() {
        editingId = null;
        editingVersion = 0;
        title.setText("New household");
        load(new HouseholdDraft("", "", "", "", "", "", ""));
        editingTariff = null;
        tariff.clear();
    }

    private void load(HouseholdDraft draft) {
        values = valuesOf(draft);
        binder.readBean(values);
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /**
     * Rejections of known fields go next to those fields; one naming another field goes on to the
     * UI's error handler. (Domain exceptions leave the EJB services unwrapped.)
     */
    private void showOnFields(InvalidInputException invalid) {
        invalid.fieldErrors().forEach((name, message) -> {
            HasValidation target = name.equals("profileId") ? tariff : fields.get(name);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
        if (!invalid.fieldErrors().keySet().stream().allMatch(f -> fields.containsKey(f) || f.equals("profileId"))) {
            throw invalid;
        }
    }

    /** Adds a field that shows {@code rule}'s message and edits the value of the same name. */
    private TextField field(String name, String label, String id, SerializableFunction<String, Optional<String>> rule) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.ON_BLUR);
        binder.forField(field)
                .withValidator((value, context) -> rule.apply(value).map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind(edited -> edited.get(name), (edited, value) -> edited.put(name, value));
        fields.put(name, field);
        return field;
    }

    private static Map<String, String> valuesOf(HouseholdDraft draft) {
        Map<String, String> values = new HashMap<>();
        values.put("name", draft.name());
        values.put("street", draft.street());
        values.put("postalCode", draft.postalCode());
        values.put("city", draft.city());
        values.put("messlokationId", draft.messlokationId());
        values.put("meterId", draft.meterId());
        values.put("viewerUsername", draft.viewerUsername() == null ? "" : draft.viewerUsername());
        return values;
    }

    private static HouseholdDraft draftOf(Map<String, String> values) {
        return new HouseholdDraft(values.get("name"), values.get("street"), values.get("postalCode"), values.get("city"),
                values.get("messlokationId"), values.get("meterId"), values.get("viewerUsername"));
    }
}
