package org.smgwlite.admin.household;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.smgwlite.admin.curve.HouseholdCurveView;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.admin.tariff.TariffChoices;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tariff.TariffService;

/**
 * An operator's households: the tenant's grid, paged and searched in the database ({@link HouseholdService#page}: a
 * tenant may have 100,000), and a form to add, edit and delete.
 */
@Route(value = "households", layout = MainLayout.class)
@PageTitle("Households · SMGW.Lite")
@Menu(title = "Households", order = 1)
@RolesAllowed(CurrentUser.OPERATOR)
public class HouseholdsView extends VerticalLayout {

    private final HouseholdService households;
    private final TenantId tenant;
    private final Grid<Household> grid = new Grid<>();
    private final HouseholdForm form;
    private final Button delete = new Button("Delete");
    private final TextField search = new TextField();
    private final TariffChoices tariffChoices;
    private final String actor;

    @Inject
    public HouseholdsView(HouseholdService households, TariffService tariffs, CurrentUser user) {
        this.households = households;
        this.tenant = user.requireTenant();
        this.actor = "operator:" + user.username();
        this.tariffChoices = new TariffChoices(tariffs, tenant);
        this.form = new HouseholdForm(this::save, this::closeForm, tariffChoices);

        grid.setId("households-grid");
        grid.setItems(new CallbackDataProvider<Household, Void>(
                query -> households.page(tenant, search.getValue(), new PageRequest(query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, households.count(tenant, search.getValue()))));
        search.setId("households-search");
        search.setPlaceholder("Name, city or Messlokation");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        // name and address take the room that is left and wrap, so that every column fits the window (at 1400 px the
        // auto-sized address pushed the last column out of sight)
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Household::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(h -> h.street() + ", " + h.postalCode() + " " + h.city()).setHeader("Address").setFlexGrow(2);
        grid.addColumn(Household::messlokationId).setHeader("Messlokation").setAutoWidth(true);
        grid.addColumn(Household::meterId).setHeader("Meter").setAutoWidth(true);
        grid.addColumn(h -> h.viewerUsername() == null ? "" : h.viewerUsername()).setHeader("Viewer").setAutoWidth(true);
        grid.addComponentColumn(h -> {
            Button curve = new Button("Curve", e -> getUI().ifPresent(ui -> ui.navigate(HouseholdCurveView.class,
                    new RouteParameters("id", String.valueOf(h.id())))));
            curve.setId("household-curve-" + h.id());
            curve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return curve;
        }).setHeader("Load curve").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                closeForm();
            } else {
                form.edit(e.getValue());
                form.setVisible(true);
                delete.setEnabled(true);
            }
        });

        Button add = new Button("Add household", e -> {
            grid.asSingleSelect().clear();
            form.create();
            form.setVisible(true);
        });
        add.setId("household-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setId("household-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setEnabled(false);
        delete.addClickListener(e -> grid.asSingleSelect().getOptionalValue().ifPresent(this::confirmDelete));

        HorizontalLayout content = new HorizontalLayout(grid, form);
        content.setSizeFull();
        content.setFlexGrow(1, grid);
        add(new H2("Households of " + tenant), new HorizontalLayout(add, delete, search), content);
        setSizeFull();
        closeForm();
        refresh();
    }

    private void save(Long id, long version, org.smgwlite.platform.household.HouseholdDraft draft, Long tariffBefore,
                      TariffChoices.Choice tariff) {
        Household saved = id == null ? households.create(tenant, draft) : households.update(tenant, id, version, draft);
        tariffChoices.assign(actor, saved.id(), tariffBefore, tariff);
        Notices.done("Saved " + saved.name());
        closeForm();
        refresh();
    }

    private void confirmDelete(Household selected) {
        ConfirmDialog dialog = new ConfirmDialog("Delete " + selected.name() + "?",
                "The household " + selected.messlokationId() + " is removed from " + tenant + ".",
                "Delete", e -> {
                    households.delete(tenant, selected.id());
                    Notices.done("Deleted " + selected.name());
                    closeForm();
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("household-delete-confirm");
        dialog.open();
    }

    private void closeForm() {
        form.setVisible(false);
        delete.setEnabled(false);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
