package org.smgwlite.admin.tariff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tariff.ProfileVersion;
import org.smgwlite.platform.tariff.TariffProfileDetails;
import org.smgwlite.platform.tariff.TariffRules;

/** The selected profile: rename, add a version, delete, and its version history (newest first). */
class TariffDetails extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CurveRange.BERLIN);

    private final H3 title = new H3();
    private final TextField name = new TextField();
    private final Grid<ProfileVersion> history = new Grid<>();
    private TariffProfileDetails shown;

    TariffDetails(BiConsumer<TariffProfileDetails, String> rename, Consumer<TariffProfileDetails> addVersion,
                  Consumer<TariffProfileDetails> delete) {
        name.setId("tariff-rename-name");
        name.setMaxLength(TariffRules.MAX_PROFILE_NAME);
        name.setWidth("20em");
        Button renameButton = new Button("Rename", e -> {
            name.setInvalid(false);
            try {
                rename.accept(shown, name.getValue());
            } catch (InvalidInputException ex) {
                showOnName(ex.fieldErrors().getOrDefault("name", ex.getMessage()));
            } catch (ConflictException ex) {
                if (ex.field().isEmpty()) {
                    throw ex;
                }
                showOnName(ex.getMessage());
            }
        });
        renameButton.setId("tariff-rename");
        Button version = new Button("Add version", e -> addVersion.accept(shown));
        version.setId("tariff-add-version");
        version.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button deleteButton = new Button("Delete", e -> delete.accept(shown));
        deleteButton.setId("tariff-delete");
        deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(name, renameButton, version, deleteButton);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        history.setId("tariff-history");
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.addColumn(v -> v.validFrom().toString()).setHeader("Valid from").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> String.join(", ", v.zones())).setHeader("Zones").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> RuleText.of(v.rules())).setHeader("Rules").setFlexGrow(1);
        history.addColumn(v -> v.createdBy() + ", " + CREATED.format(v.createdAt())).setHeader("Created").setFlexGrow(0)
                .setWidth("16em");
        history.setAllRowsVisible(true);
        add(title, actions, history);
        setPadding(false);
        setId("tariff-details");
    }

    void show(TariffProfileDetails profile) {
        shown = profile;
        setVisible(profile != null);
        if (profile != null) {
            title.setText(profile.name() + " · used by " + profile.households() + " household(s)");
            name.setValue(profile.name());
            name.setInvalid(false);
            List<ProfileVersion> newestFirst = new ArrayList<>(profile.versions());
            Collections.reverse(newestFirst);
            history.setItems(newestFirst);
        } else {
            history.setItems(List.of());
        }
    }

    private void showOnName(String message) {
        name.setErrorMessage(message);
        name.setInvalid(true);
    }
}
