package org.smgwlite.admin.tariff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tariff.StandardProfiles;
import org.smgwlite.platform.tariff.TariffProfileDetails;
import org.smgwlite.platform.tariff.TariffProfileSummary;
import org.smgwlite.platform.tariff.TariffService;
import org.smgwlite.platform.tariff.ZoneRule;

/**
 * An operator's TAF 2 tariff profiles: the tenant's profiles, paged and searched on the server, a dialog for a new
 * profile (starting from HT/NT), and below the grid the selected profile's version history, rename, a new version and
 * delete (refused while a household uses it).
 */
@Route(value = "tariffs", layout = MainLayout.class)
@PageTitle("Tariff profiles · SMGW.Lite")
@Menu(title = "Tariff profiles", order = 1.5)
@RolesAllowed(CurrentUser.OPERATOR)
public class TariffsView extends VerticalLayout {

    private final TariffService tariffs;
    private final TenantId tenant;
    private final String actor;
    private final Grid<TariffProfileSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final TariffDetails details;

    @Inject
    public TariffsView(TariffService tariffs, CurrentUser user) {
        this.tariffs = tariffs;
        this.tenant = user.requireTenant();
        this.actor = "operator:" + user.username();
        this.details = new TariffDetails(this::rename, this::addVersion, this::confirmDelete);

        grid.setId("tariffs-grid");
        grid.setItems(new CallbackDataProvider<TariffProfileSummary, Void>(
                query -> tariffs.page(tenant, search.getValue(), new PageRequest(query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, tariffs.count(tenant, search.getValue()))));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(TariffProfileSummary::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(s -> String.join(", ", s.currentZones())).setHeader("Zones today").setFlexGrow(1);
        grid.addColumn(s -> Objects.toString(s.currentFrom(), "not yet")).setHeader("In force since").setAutoWidth(true);
        grid.addColumn(s -> s.latestFrom() != null && !s.latestFrom().equals(s.currentFrom()) ? s.latestFrom().toString() : "")
                .setHeader("Next change").setAutoWidth(true);
        grid.addColumn(TariffProfileSummary::versions).setHeader("Versions").setAutoWidth(true);
        grid.addColumn(TariffProfileSummary::households).setHeader("Households").setAutoWidth(true);
        grid.setHeight("18em");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue() == null ? null : tariffs.get(tenant, e.getValue().id())));

        search.setId("tariffs-search");
        search.setPlaceholder("Name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button add = new Button("New profile", e -> new VersionDialog(null, LocalDate.now(CurveRange.BERLIN),
                StandardProfiles.htNt(), (name, draft) -> {
                    TariffProfileDetails created = tariffs.create(tenant, actor, name, draft);
                    Notices.done("Created " + created.name());
                    refresh(created);
                }).open());
        add.setId("tariff-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2("Tariff profiles of " + tenant), new HorizontalLayout(add, search), grid, details);
        setSizeFull();
        show(null);
    }

    private void show(TariffProfileDetails profile) {
        details.show(profile);
    }

    private void rename(TariffProfileDetails profile, String name) {
        TariffProfileDetails renamed = tariffs.rename(tenant, actor, profile.id(), profile.version(), name);
        Notices.done("Renamed to " + renamed.name());
        refresh(renamed);
    }

    private void addVersion(TariffProfileDetails profile) {
        // the newest version's rules as the starting point of the change
        List<ZoneRule> start = profile.versions().isEmpty() ? StandardProfiles.htNt()
                : profile.versions().get(profile.versions().size() - 1).rules();
        new VersionDialog(profile.name(), LocalDate.now(CurveRange.BERLIN).plusDays(1), start, (name, draft) -> {
            TariffProfileDetails changed = tariffs.addVersion(tenant, actor, profile.id(), draft);
            Notices.done("Version from " + draft.validFrom() + " added to " + changed.name());
            refresh(changed);
        }).open();
    }

    private void confirmDelete(TariffProfileDetails profile) {
        ConfirmDialog dialog = new ConfirmDialog("Delete " + profile.name() + "?",
                "The profile and its " + profile.versions().size() + " version(s) are removed from " + tenant + ".",
                "Delete", e -> {
                    tariffs.delete(tenant, actor, profile.id());
                    Notices.done("Deleted " + profile.name());
                    grid.asSingleSelect().clear();
                    refresh(null);
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("tariff-delete-confirm");
        dialog.open();
    }

    private void refresh(TariffProfileDetails shown) {
        grid.getDataProvider().refreshAll();
        show(shown);
    }
}
