package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.metering.taf6.Taf6RequestView;
import org.smgwlite.platform.metering.taf6.Taf6Requests;

/**
 * One gateway's TAF 6 (on-demand) readings: give a reason, request a reading; the list shows each request's way
 * (queued, delivered, answered, expired, failed) and the values that arrived, refreshed every two seconds while a
 * request is still open.
 */
class Taf6Panel extends VerticalLayout {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(OperatorTime.ZONE);
    private static final int POLL_MS = 2000;

    private final Taf6Requests taf6;
    private final Operator operator;
    private final Grid<Taf6RequestView> requests = new Grid<>();
    private final TextField reason = new TextField();
    private final H3 title = new H3();
    private String gatewayId;
    private Registration polling;

    Taf6Panel(Taf6Requests taf6, Operator operator, LocalFormats formats) {
        this.taf6 = taf6;
        this.operator = operator;

        reason.setId("taf6-reason");
        reason.setLabel(getTranslation("taf6.reason"));
        reason.setPlaceholder(getTranslation("taf6.reason.placeholder"));
        reason.setMaxLength(200);
        reason.setWidth("24em");
        Button request = new Button(getTranslation("taf6.request"), e -> requestReading());
        request.setId("taf6-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        requests.setId("taf6-requests-grid");
        requests.addColumn(Taf6RequestView::id).setHeader("#").setAutoWidth(true);
        requests.addColumn(r -> OperatorTime.of(formats, r.requestedAt())).setHeader(getTranslation("taf6.column.requested"))
                .setAutoWidth(true);
        requests.addColumn(Taf6RequestView::reason).setHeader(getTranslation("taf6.column.reason")).setAutoWidth(true);
        requests.addColumn(Taf6RequestView::requestedBy).setHeader(getTranslation("taf6.column.by")).setAutoWidth(true);
        requests.addColumn(r -> r.status().name() + (r.statusReason() == null ? "" : ": " + r.statusReason()))
                .setHeader(getTranslation("taf6.column.status")).setWidth("11em").setFlexGrow(0).setKey("status");
        requests.addColumn(r -> clock(r.pickedUpAt())).setHeader(getTranslation("taf6.column.picked-up")).setAutoWidth(true);
        requests.addColumn(r -> clock(r.answeredAt())).setHeader(getTranslation("taf6.column.answered")).setAutoWidth(true);
        requests.addColumn(Taf6Panel::values).setHeader(getTranslation("taf6.column.values")).setFlexGrow(1).setWidth("22em")
                .setKey("values");
        requests.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        requests.setAllRowsVisible(true);

        HorizontalLayout form = new HorizontalLayout(reason, request);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, form, requests);
        setPadding(false);
    }

    void show(String gatewayId) {
        this.gatewayId = gatewayId;
        title.setText(getTranslation("taf6.title", gatewayId));
        reason.clear();
        refresh();
    }

    private void requestReading() {
        Taf6RequestView queued = taf6.queue(operator.tenant(), gatewayId, reason.getValue(), operator.actor());
        Notices.done(getTranslation("taf6.queued", queued.id(), gatewayId));
        reason.clear();
        refresh();
    }

    /** Reloads the gateway's requests; keeps polling only while one of them is still open. */
    private void refresh() {
        List<Taf6RequestView> list = gatewayId == null ? List.of() : taf6.ofGateway(operator.tenant(), gatewayId);
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
