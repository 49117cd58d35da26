package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.legacy.LegacyGatewayService;
import org.smgwlite.platform.legacy.LegacyGatewayView;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The tenant's SMGW.Lite gateways with what the door knows of them (last upload and its counts, firmware, meter model),
 * paged and searched in the database like the gateways above; the selected one's events and token in
 * {@link LegacyGatewayDetails}; the import of a PHP backend's {@code clients} table ({@link ImportClientsDialog}). A section of its own because these gateways have no certificates or enrollment code.
 */
class LegacyGatewaysPanel extends VerticalLayout {

    private final LegacyGatewayService service;
    private final Operator operator;
    private final Grid<LegacyGatewayView> grid = new Grid<>();
    private final TextField search = new TextField();
    private final LegacyGatewayDetails details;

    LegacyGatewaysPanel(LegacyGatewayService service, HouseholdService households, Operator operator, LocalFormats formats,
                        String host) {
        this.service = service;
        this.operator = operator;
        this.details = new LegacyGatewayDetails(service, operator, formats, host);

        search.setId("legacy-gateways-filter");
        search.setLabel(getTranslation("gateways.search"));
        search.setPlaceholder(getTranslation("legacy.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("legacy-gateways-grid");
        // the ids size themselves, the rest share the room and wrap: the grid stays within a 1400 px window
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LegacyGatewayView::deviceId).setHeader(getTranslation("legacy.column.device")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LegacyGatewayView::gatewayId).setHeader(getTranslation("gateways.column.gateway")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LegacyGatewayView::householdId).setHeader(getTranslation("gateways.column.household")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(g -> OperatorTime.of(formats, g.lastUploadAt())).setHeader(getTranslation("gateways.column.last-upload"));
        grid.addColumn(g -> LegacyTexts.counts(g, formats, this::getTranslation)).setHeader(getTranslation("legacy.column.counts"));
        grid.addColumn(g -> LegacyTexts.orEmpty(g.firmware())).setHeader(getTranslation("legacy.column.firmware"));
        grid.addColumn(g -> LegacyTexts.orEmpty(g.meterModel())).setHeader(getTranslation("legacy.column.meter-model"));
        grid.addColumn(g -> OperatorTime.of(formats, g.lastLogAt())).setHeader(getTranslation("legacy.column.last-log"));
        grid.setPageSize(50);
        grid.setItems(new CallbackDataProvider<LegacyGatewayView, Void>(
                query -> service.page(operator.tenant(), search.getValue(), new PageRequest(query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, service.count(operator.tenant(), search.getValue())),
                LegacyGatewayView::deviceId));
        grid.setHeight("16em");
        grid.getStyle().set("flex", "none");
        grid.asSingleSelect().addValueChangeListener(e -> showSelected(e.getValue()));

        Button importClients = new Button(getTranslation("legacy.import.open"),
                e -> new ImportClientsDialog(service, households, operator, () -> grid.getDataProvider().refreshAll()).open());
        importClients.setId("legacy-import-open");
        HorizontalLayout toolbar = new HorizontalLayout(search, importClients);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);

        add(new H3(getTranslation("legacy.section")), toolbar, grid, details);
        setPadding(false);
        setId("legacy-gateways");
        showSelected(null);
    }

    /** The SMGW.Lite gateway with this platform gateway id, if it is one (the gateways grid above lists it too). */
    Optional<LegacyGatewayView> byGatewayId(String gatewayId) {
        return service.page(operator.tenant(), gatewayId, new PageRequest(0, 50)).stream()
                .filter(g -> g.gatewayId().equals(gatewayId)).findFirst();
    }

    /** Shows the gateway in this section: the list filtered to it, and its details. */
    void select(LegacyGatewayView gateway) {
        search.setValue(gateway.deviceId());
        grid.getDataProvider().refreshAll();
        grid.select(gateway);
        showSelected(gateway);
    }

    /** Reloads the rows (a registration); the selection is kept by device id. */
    void refresh(String deviceId) {
        search.setValue(deviceId);
        grid.getDataProvider().refreshAll();
    }

    private void showSelected(LegacyGatewayView selected) {
        details.setVisible(selected != null);
        if (selected != null) {
            details.show(selected);
        }
    }
}
