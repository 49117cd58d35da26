package org.smgwlite.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/** Platform administrators create tenants (operators, energy communities) and rename them. */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants · SMGW.Lite")
@Menu(title = "Tenants", order = 4)
@RolesAllowed(CurrentUser.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout {

    private final TenantService tenants;
    private final Grid<Tenant> grid = new Grid<>();
    private final TextField id = new TextField("Tenant id");
    private final TextField name = new TextField("Name");
    private final ComboBox<TenantKind> kind = new ComboBox<>("Kind", TenantKind.values());

    @Inject
    public TenantsView(TenantService tenants) {
        this.tenants = tenants;
        grid.setId("tenants-grid");
        grid.addColumn(t -> t.id().value()).setHeader("Id").setAutoWidth(true);
        grid.addColumn(Tenant::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            Tenant t = e.getValue();
            id.setValue(t == null ? "" : t.id().value());
            id.setReadOnly(t != null);
            name.setValue(t == null ? "" : t.name());
            kind.setValue(t == null ? null : t.kind());
        });

        id.setId("tenant-id");
        id.setHelperText("lowercase letters, digits and '-', e.g. stadtwerke-kassel; it cannot change later");
        name.setId("tenant-name");
        kind.setId("tenant-kind");
        kind.setItemLabelGenerator(TenantKind::label);
        Button save = new Button("Save", e -> save());
        save.setId("tenant-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button("New", e -> grid.asSingleSelect().clear());

        add(new H2("Tenants"), grid, new HorizontalLayout(id, name, kind), new HorizontalLayout(save, clear));
        setSizeFull();
        refresh();
    }

    private void save() {
        id.setInvalid(false);
        name.setInvalid(false);
        kind.setInvalid(false);
        try {
            TenantId tenantId = InputIds.tenant(id.getValue().strip());
            boolean existing = grid.asSingleSelect().getValue() != null;
            Tenant saved = existing
                    ? tenants.rename(tenantId, name.getValue(), kind.getValue())
                    : tenants.create(tenantId, name.getValue(), kind.getValue());
            Notices.done("Saved " + saved.name());
            grid.asSingleSelect().clear();
            refresh();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                switch (field) {
                    case "tenantId" -> { id.setErrorMessage(message); id.setInvalid(true); }
                    case "name" -> { name.setErrorMessage(message); name.setInvalid(true); }
                    case "kind" -> { kind.setErrorMessage(message); kind.setInvalid(true); }
                    default -> throw e;
                }
            });
        }
    }

    private void refresh() {
        grid.setItems(tenants.list());
    }
}
