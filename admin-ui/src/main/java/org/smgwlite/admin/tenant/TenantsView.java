package org.smgwlite.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Optional;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * Platform administrators find tenants (searched and paged on the server), create them, and edit name, kind and the
 * curve policy of new certificates. A policy left empty at creation follows the configured default; a tenant whose CA
 * exists keeps its CA's family (the form shows the refusal at the field).
 */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants · SMGW.Lite")
@Menu(title = "Tenants", order = 4)
@RolesAllowed(CurrentUser.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout {

    private final TenantService tenants;
    private final Grid<Tenant> grid = new Grid<>();
    private final TextField search = new TextField();
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<TenantKind> kind = new ComboBox<>();
    private final ComboBox<CurvePolicy> policy = new ComboBox<>();

    @Inject
    public TenantsView(TenantService tenants) {
        this.tenants = tenants;
        search.setPlaceholder(getTranslation("tenants.search"));
        search.setId("tenants-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("tenants-grid");
        grid.addColumn(t -> t.id().value()).setHeader(getTranslation("tenants.id")).setAutoWidth(true);
        grid.addColumn(Tenant::name).setHeader(getTranslation("tenants.name")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("tenants.kind." + t.kind().name())).setHeader(getTranslation("tenants.kind")).setAutoWidth(true);
        grid.addColumn(t -> policyLabel(t.curvePolicy())).setHeader(getTranslation("tenants.policy")).setAutoWidth(true);
        grid.setItems(query -> tenants.page(search.getValue(), new PageRequest(query.getOffset(), query.getLimit())).stream(),
                query -> (int) tenants.count(search.getValue()));
        grid.asSingleSelect().addValueChangeListener(e -> fill(e.getValue()));

        id.setLabel(getTranslation("tenants.id"));
        id.setId("tenant-id");
        id.setHelperText(getTranslation("tenants.id.help"));
        name.setLabel(getTranslation("tenants.name"));
        name.setId("tenant-name");
        kind.setLabel(getTranslation("tenants.kind"));
        kind.setId("tenant-kind");
        kind.setItems(TenantKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("tenants.kind." + k.name()));
        policy.setLabel(getTranslation("tenants.policy"));
        policy.setId("tenant-policy");
        policy.setItems(CurvePolicy.NIST, CurvePolicy.BRAINPOOL);
        policy.setItemLabelGenerator(p -> getTranslation("policy." + p.name()));
        policy.setPlaceholder(getTranslation("tenants.policy.default"));
        policy.setHelperText(getTranslation("tenants.policy.help"));
        Button save = new Button(getTranslation("tenants.save"), e -> save());
        save.setId("tenant-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> save.setEnabled(true));
        Button clear = new Button(getTranslation("tenants.new"), e -> grid.asSingleSelect().clear());
        clear.setId("tenant-new");

        HorizontalLayout form = new HorizontalLayout(id, name, kind, policy);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("tenants.title")), search, grid, form, new HorizontalLayout(save, clear));
        setSizeFull();
    }

    private void fill(Tenant t) {
        id.setValue(t == null ? "" : t.id().value());
        id.setReadOnly(t != null);
        name.setValue(t == null ? "" : t.name());
        kind.setValue(t == null ? null : t.kind());
        policy.setValue(t == null ? null : t.curvePolicy().orElse(null));
        clearErrors();
    }

    private String policyLabel(Optional<CurvePolicy> chosen) {
        return chosen.map(p -> getTranslation("policy." + p.name())).orElseGet(() -> getTranslation("tenants.policy.default"));
    }

    private void save() {
        clearErrors();
        try {
            TenantId tenantId = InputIds.tenant(id.getValue().strip());
            Optional<CurvePolicy> chosen = Optional.ofNullable(policy.getValue());
            Tenant saved = grid.asSingleSelect().getValue() != null
                    ? tenants.update(tenantId, name.getValue(), kind.getValue(), chosen)
                    : tenants.create(tenantId, name.getValue(), kind.getValue(), chosen);
            Notices.done(getTranslation("tenants.saved", saved.name()));
            grid.asSingleSelect().clear();
            grid.getDataProvider().refreshAll();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                switch (field) {
                    case "tenantId" -> { id.setErrorMessage(message); id.setInvalid(true); }
                    case "name" -> { name.setErrorMessage(message); name.setInvalid(true); }
                    case "kind" -> { kind.setErrorMessage(message); kind.setInvalid(true); }
                    case "curvePolicy" -> { policy.setErrorMessage(message); policy.setInvalid(true); }
                    default -> throw e;
                }
            });
        }
    }

    private void clearErrors() {
        id.setInvalid(false);
        name.setInvalid(false);
        kind.setInvalid(false);
        policy.setInvalid(false);
    }
}
