package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.metering.taf6.Taf6RequestView;
import org.smgwlite.platform.metering.taf6.Taf6Requests;
import org.smgwlite.pki.TenantId;

/**
 * An operator's gateways and their TAF 6 (on-demand) readings: pick a gateway, give a reason, request a reading; the
 * list below shows each request's way (queued, delivered, answered, expired, failed) and the values that arrived,
 * refreshed every two seconds while a request is still open.
 */
@Route(value = "gateways", layout = MainLayout.class)
@PageTitle("Gateways · SMGW.Lite")
@Menu(title = "Gateways", order = 2)
@RolesAllowed(CurrentUser.OPERATOR)
public class GatewaysView extends VerticalLayout {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Berlin"));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Berlin"));
    private static final int POLL_MS = 2000;

    private final Taf6Requests taf6;
    private final TenantId tenant;
    private final String operator;
    private final Grid<Gateway> gateways = new Grid<>();
    private final Grid<Taf6RequestView> requests = new Grid<>();
    private final TextField reason = new TextField("Reason");
    private final Button request = new Button("Request TAF 6 reading");
    private final H3 requestsTitle = new H3();
    private Registration polling;

    @Inject
    public GatewaysView(GatewayService gatewayService, Taf6Requests taf6, CurrentUser user) {
        this.taf6 = taf6;
        this.tenant = user.requireTenant();
        this.operator = "operator:" + user.username();

        gateways.setId("gateways-grid");
        gateways.addColumn(g -> g.gatewayId().value()).setHeader("Gateway").setSortable(true).setAutoWidth(true);
        gateways.addColumn(Gateway::householdId).setHeader("Household").setAutoWidth(true);
        gateways.addColumn(g -> LOCAL.format(g.createdAt())).setHeader("Registered").setAutoWidth(true);
        GridListDataView<Gateway> all = gateways.setItems(gatewayService.list(tenant));
        gateways.setHeight("16em");
        gateways.getStyle().set("flex", "none");
        gateways.asSingleSelect().addValueChangeListener(e -> showRequests());
        TextField filter = new TextField();
        filter.setId("gateways-filter");
        filter.setPlaceholder("Filter by gateway id");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.addValueChangeListener(e -> all.setFilter(g -> g.gatewayId().value().toLowerCase(Locale.ROOT)
                .contains(e.getValue().strip().toLowerCase(Locale.ROOT))));

        reason.setId("taf6-reason");
        reason.setPlaceholder("e.g. Zählerwechsel");
        reason.setMaxLength(200);
        reason.setWidth("24em");
        request.setId("taf6-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        request.addClickListener(e -> gateways.asSingleSelect().getOptionalValue().ifPresent(this::requestReading));

        requests.setId("taf6-requests-grid");
        requests.addColumn(Taf6RequestView::id).setHeader("#").setAutoWidth(true);
        requests.addColumn(r -> LOCAL.format(r.requestedAt())).setHeader("Requested").setAutoWidth(true);
        requests.addColumn(Taf6RequestView::reason).setHeader("Reason").setAutoWidth(true);
        requests.addColumn(Taf6RequestView::requestedBy).setHeader("By").setAutoWidth(true);
        requests.addColumn(r -> r.status().name() + (r.statusReason() == null ? "" : ": " + r.statusReason()))
                .setHeader("Status").setWidth("11em").setFlexGrow(0).setKey("status");
        requests.addColumn(r -> clock(r.pickedUpAt())).setHeader("Picked up").setAutoWidth(true);
        requests.addColumn(r -> clock(r.answeredAt())).setHeader("Answered").setAutoWidth(true);
        requests.addColumn(GatewaysView::values).setHeader("Values").setFlexGrow(1).setWidth("22em").setKey("values");
        requests.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        requests.setAllRowsVisible(true);

        HorizontalLayout form = new HorizontalLayout(reason, request);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Gateways of " + tenant), filter, gateways, requestsTitle, form, requests);
        setWidthFull();
        showRequests();
    }

    private void requestReading(Gateway g) {
        Taf6RequestView queued = taf6.queue(tenant, g.gatewayId().value(), reason.getValue(), operator);
        Notices.done("TAF 6 request " + queued.id() + " queued for " + g.gatewayId());
        reason.clear();
        refresh();
    }

    private void showRequests() {
        Gateway g = gateways.asSingleSelect().getValue();
        boolean selected = g != null;
        requestsTitle.setText(selected ? "TAF 6 readings of " + g.gatewayId() : "Select a gateway to request a TAF 6 reading");
        reason.setEnabled(selected);
        request.setEnabled(selected);
        requests.setVisible(selected);
        refresh();
    }

    /** Reloads the selected gateway's requests; keeps polling only while one of them is still open. */
    private void refresh() {
        Gateway g = gateways.asSingleSelect().getValue();
        List<Taf6RequestView> list = g == null ? List.of() : taf6.ofGateway(tenant, g.gatewayId().value());
        requests.setItems(list);
        getUI().ifPresent(ui -> ui.setPollInterval(list.stream().anyMatch(r -> r.status().open()) ? POLL_MS : -1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** Time of day only: picked up and answered are minutes after the request. */
    private static String clock(Instant at) {
        return at == null ? "" : CLOCK.format(at);
    }

    private static String values(Taf6RequestView r) {
        return r.values().stream().map(v -> v.obis() + " = " + v.value().toPlainString() + " " + v.unit()
                        + (v.ptbLevel() == 0 ? "" : " (PTB " + v.ptbLevel() + ")"))
                .collect(Collectors.joining("; "));
    }
}
