package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
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
import java.time.Instant;
import java.util.Optional;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.CertificateRecords;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.gateway.EnrollmentHandouts;
import org.smgwlite.platform.gateway.GatewayOverview;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.gateway.GatewaySummary;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.legacy.LegacyGatewayService;
import org.smgwlite.platform.legacy.LegacyGatewayView;
import org.smgwlite.platform.metering.taf6.Taf6Requests;
import org.smgwlite.platform.shared.PageRequest;

/**
 * An operator's gateways: the tenant's list, paged and searched in the database ({@link GatewayOverview}: a tenant may
 * have 100,000), with each gateway's state, last upload, values accepted and rejected in it, last TAF 6 request and the
 * agent's last Eichlog event; registering a gateway (signed, or an SMGW.Lite one with a token); and for the selected one its enrollment code, certificates and
 * TAF 6 readings ({@link GatewayDetails}), or for an SMGW.Lite gateway its events and token
 * ({@link LegacyGatewaysPanel}).
 */
@Route(value = "gateways", layout = MainLayout.class)
@PageTitle("Gateways · SMGW.Lite")
@Menu(title = "Gateways", order = 2)
@RolesAllowed(CurrentUser.OPERATOR)
public class GatewaysView extends VerticalLayout {

    private final Grid<GatewaySummary> gateways = new Grid<>();
    private final TextField search = new TextField();
    private final Paragraph hint = new Paragraph();
    private final GatewayDetails details;
    private final LegacyGatewaysPanel legacyPanel;

    @Inject
    public GatewaysView(GatewayService gatewayService, GatewayOverview overview, EnrollmentHandouts handouts,
                        EnrollmentService enrollment, CertificateRecords certificates, Taf6Requests taf6, CurrentUser user,
                        LegacyGatewayService legacyGateways, HouseholdService households) {
        TenantId tenant = user.requireTenant();
        Operator operator = Operator.of(tenant, user.username());
        LocalFormats formats = new LocalFormats(UI.getCurrent().getLocale());
        details = new GatewayDetails(new GatewayDetails.Services(handouts, enrollment, certificates, taf6), operator,
                this::refreshList);
        legacyPanel = new LegacyGatewaysPanel(legacyGateways, households, operator, formats, host());

        gateways.setId("gateways-grid");
        // only the ids size themselves; the other columns share the room that is left and wrap, headers too, so that
        // every column stays within a 1400 px window
        gateways.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        gateways.addColumn(GatewaySummary::gatewayId).setHeader(getTranslation("gateways.column.gateway")).setAutoWidth(true)
                .setFlexGrow(0);
        gateways.addColumn(GatewaySummary::householdId).setHeader(getTranslation("gateways.column.household")).setAutoWidth(true)
                .setFlexGrow(0);
        gateways.addColumn(g -> getTranslation("gateways.state." + g.state().name())).setHeader(getTranslation("gateways.column.state"))
                .setKey("state");
        gateways.addColumn(g -> OperatorTime.of(formats, g.lastUpload())).setHeader(getTranslation("gateways.column.last-upload"))
                .setFlexGrow(1);
        gateways.addColumn(g -> g.accepted() == null ? "" : getTranslation("gateways.pair", formats.integer(g.accepted()),
                formats.integer(g.rejected()))).setHeader(getTranslation("gateways.column.values"));
        gateways.addColumn(g -> g.lastTaf6At() == null ? "" : getTranslation("gateways.event", g.lastTaf6Status(),
                OperatorTime.of(formats, g.lastTaf6At()))).setHeader(getTranslation("gateways.column.taf6")).setFlexGrow(1);
        gateways.addColumn(g -> g.lastEichlogType() == null ? "" : getTranslation("gateways.event", g.lastEichlogType(),
                OperatorTime.of(formats, g.lastEichlogAt()))).setHeader(getTranslation("gateways.column.agent")).setFlexGrow(1);
        gateways.addColumn(g -> AgentStatusText.line(g, Instant.now(), formats, this::getTranslation))
                .setHeader(getTranslation("gateways.column.agent-status")).setFlexGrow(2);
        gateways.addColumn(g -> getTranslation("gateways.pair", g.validCertificates(), g.certificates()))
                .setHeader(getTranslation("gateways.column.certificates"));
        gateways.setPageSize(50);
        // rows are identified by gateway id, so the selection survives a reload that changed the row (state, last upload)
        gateways.setItems(new CallbackDataProvider<GatewaySummary, Void>(
                query -> overview.page(tenant, search.getValue(), new PageRequest(query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, overview.count(tenant, search.getValue())),
                GatewaySummary::gatewayId));
        gateways.setHeight("22em");
        gateways.getStyle().set("flex", "none");
        gateways.asSingleSelect().addValueChangeListener(e -> showSelected(e.getValue()));

        search.setId("gateways-filter");
        search.setLabel(getTranslation("gateways.search"));
        search.setPlaceholder(getTranslation("gateways.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.addValueChangeListener(e -> refreshList());

        Button register = new Button(getTranslation("gateways.register"), e -> new RegisterGatewayDialog(
                (id, household, replace) -> gatewayService.register(tenant, id, household, replace, operator.actor()),
                g -> {
                    Notices.done(getTranslation("register.done", g.gatewayId().value(), g.householdId()));
                    search.setValue(g.gatewayId().value());
                }).open());
        register.setId("gateway-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Button legacy = new Button(getTranslation("gateways.register-legacy"), e -> new RegisterLegacyGatewayDialog(
                (id, household) -> legacyGateways.register(tenant, household, null, id, operator.actor()),
                host(),
                g -> {
                    search.setValue(g.gatewayId());
                    legacyPanel.refresh(g.deviceId());
                }).open());
        legacy.setId("gateway-register-legacy");

        HorizontalLayout toolbar = new HorizontalLayout(search, register, legacy);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("gateways.title", tenant.value())), toolbar, gateways, hint, details, legacyPanel);
        setWidthFull();
        showSelected(null);
    }

    /** The host the operator's browser reached the platform at: the device enters it before the endpoint path. */
    private static String host() {
        var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return request == null ? "" : request.getHeader("Host") == null ? "" : request.getHeader("Host").replaceAll(":\\d+$", "");
    }

    /** An SMGW.Lite gateway has no enrollment code or certificates: its details are the section's, below. */
    private void showSelected(GatewaySummary selected) {
        var legacy = selected == null ? Optional.<LegacyGatewayView>empty()
                : legacyPanel.byGatewayId(selected.gatewayId());
        hint.setVisible(selected == null || legacy.isPresent());
        hint.setText(getTranslation(legacy.isPresent() ? "legacy.select.below" : "gateways.select"));
        details.setVisible(selected != null && legacy.isEmpty());
        if (legacy.isPresent()) {
            legacyPanel.select(legacy.get());
        } else if (selected != null) {
            details.show(selected);
        }
    }

    /** Reloads the rows from the database (a registration, a revocation, a new search); the selection is kept by id. */
    private void refreshList() {
        gateways.getDataProvider().refreshAll();
    }
}
