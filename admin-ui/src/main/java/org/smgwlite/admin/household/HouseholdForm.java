package org.smgwlite.admin.household;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.function.SerializableFunction;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdRules;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Add or edit one household. Each field shows the message of the same {@link HouseholdRules} rule
 * the service enforces; a rule only the database can check (a duplicate Messlokation) comes back
 * as {@link InvalidInputException} and is shown on its field. Nothing is saved while any field is
 * in error.
 */
class HouseholdForm extends VerticalLayout {

    /** Mutable form state; Binder needs getters and setters. */
    public static class Data {
        private String name = "";
        private String street = "";
        private String postalCode = "";
        private String city = "";
        private String messlokationId = "";
        private String meterId = "";
        private String viewerUsername = "";

        static Data of(HouseholdDraft d) {
            Data data = new Data();
            data.name = d.name();
            data.street = d.street();
            data.postalCode = d.postalCode();
            data.city = d.city();
            data.messlokationId = d.messlokationId();
            data.meterId = d.meterId();
            data.viewerUsername = d.viewerUsername() == null ? "" : d.viewerUsername();
            return data;
        }

        HouseholdDraft toDraft() {
            return new HouseholdDraft(name, street, postalCode, city, messlokationId, meterId, viewerUsername);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getStreet() { return street; }
        public void setStreet(String v) { street = v; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String v) { postalCode = v; }
        public String getCity() { return city; }
        public void setCity(String v) { city = v; }
        public String getMesslokationId() { return messlokationId; }
        public void setMesslokationId(String v) { messlokationId = v; }
        public String getMeterId() { return meterId; }
        public void setMeterId(String v) { meterId = v; }
        public String getViewerUsername() { return viewerUsername; }
        public void setViewerUsername(String v) { viewerUsername = v; }
    }

    /** Saves a draft; for an existing household the id and the version the editor loaded. */
    interface Saver {
        void save(Long id, long version, HouseholdDraft draft);
    }

    private final H3 title = new H3();
    private final TextField name = field("Name", "household-name");
    private final TextField street = field("Street", "household-street");
    private final TextField postalCode = field("Postal code", "household-postal-code");
    private final TextField city = field("City", "household-city");
    private final TextField messlokationId = field("Messlokation id", "household-messlokation");
    private final TextField meterId = field("Meter id", "household-meter");
    private final TextField viewerUsername = field("Viewer (Keycloak username)", "household-viewer");
    private final Map<String, TextField> byField = Map.of(
            "name", name, "street", street, "postalCode", postalCode, "city", city,
            "messlokationId", messlokationId, "meterId", meterId, "viewerUsername", viewerUsername);
    private final Binder<Data> binder = new Binder<>(Data.class);

    private Long editingId;
    private long editingVersion;
    private Data data;

    HouseholdForm(Saver saver, Runnable onClose) {
        messlokationId.setHelperText("33 characters, DE followed by digits and capital letters");
        messlokationId.setMaxLength(33);
        postalCode.setMaxLength(5);
        bind(name, HouseholdRules::checkName, Data::getName, Data::setName);
        bind(street, HouseholdRules::checkStreet, Data::getStreet, Data::setStreet);
        bind(postalCode, HouseholdRules::checkPostalCode, Data::getPostalCode, Data::setPostalCode);
        bind(city, HouseholdRules::checkCity, Data::getCity, Data::setCity);
        bind(messlokationId, HouseholdRules::checkMesslokationId, Data::getMesslokationId, Data::setMesslokationId);
        bind(meterId, HouseholdRules::checkMeterId, Data::getMeterId, Data::setMeterId);
        bind(viewerUsername, HouseholdRules::checkViewerUsername, Data::getViewerUsername, Data::setViewerUsername);

        Button save = new Button("Save", e -> {
            if (binder.writeBeanIfValid(data)) {
                try {
                    saver.save(editingId, editingVersion, data.toDraft());
                } catch (InvalidInputException ex) {
                    showOnFields(ex);
                }
            }
        });
        save.setId("household-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> onClose.run());
        cancel.setId("household-cancel");

        FormLayout fields = new FormLayout(name, street, postalCode, city, messlokationId, meterId, viewerUsername);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(title, fields, new HorizontalLayout(save, cancel));
        setId("household-form");
        setWidth("26em");
    }

    void edit(Household household) {
        editingId = household.id();
        editingVersion = household.version();
        title.setText("Edit household");
        load(Data.of(household.toDraft()));
    }

    void create() {
        editingId = null;
        editingVersion = 0;
        title.setText("New household");
        load(new Data());
    }

    private void load(Data d) {
        data = d;
        binder.readBean(d);
        byField.values().forEach(f -> f.setInvalid(false));
    }

    /**
     * Rejections of known fields go next to those fields; one naming another field goes on to the
     * UI's error handler. (Domain exceptions leave the EJB services unwrapped.)
     */
    private void showOnFields(InvalidInputException invalid) {
        invalid.fieldErrors().forEach((field, message) -> {
            HasValidation target = byField.get(field);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
        if (!byField.keySet().containsAll(invalid.fieldErrors().keySet())) {
            throw invalid;
        }
    }

    private void bind(TextField field, SerializableFunction<String, Optional<String>> rule,
                      com.vaadin.flow.function.ValueProvider<Data, String> getter,
                      com.vaadin.flow.data.binder.Setter<Data, String> setter) {
        Validator<String> validator = (value, ctx) -> rule.apply(value)
                .map(ValidationResult::error).orElse(ValidationResult.ok());
        binder.forField(field).withValidator(validator).bind(getter, setter);
    }

    private static TextField field(String label, String id) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setWidthFull();
        f.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
        return f;
    }
}
