package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import java.util.stream.Stream;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.legacy.LegacyEvent;
import org.smgwlite.platform.legacy.LegacyGatewayService;
import org.smgwlite.platform.legacy.LegacyGatewayView;
import org.smgwlite.platform.legacy.LegacyUpload;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The selected SMGW.Lite gateway: what it last reported, its answered uploads (newest first, paged in the database),
 * its event log (newest first, paged in the database, status
 * codes named by the service) and a new token, shown once. No enrollment code or certificates: it has none.
 */
class LegacyGatewayDetails extends VerticalLayout {

    private final LegacyGatewayService service;
    private final Operator operator;
    private final LocalFormats formats;
    private final Paragraph title = new Paragraph();
    private final Paragraph reported = new Paragraph();
    private final Grid<LegacyEvent> events = new Grid<>();
    private final Grid<LegacyUpload> uploads = new Grid<>();
    private final Button newToken = new Button();
    private LegacyGatewayView shown;

    LegacyGatewayDetails(LegacyGatewayService service, Operator operator, LocalFormats formats, String host) {
        this.service = service;
        this.operator = operator;
        this.formats = formats;
        title.setId("legacy-details-title");
        title.getStyle().set("font-weight", "bold");
        reported.setId("legacy-details-reported");

        newToken.setText(getTranslation("legacy.new-token"));
        newToken.setId("legacy-new-token");
        newToken.setDisableOnClick(true);
        newToken.addClickListener(e -> {
            try {
                Dialog dialog = new Dialog();
                dialog.setHeaderTitle(getTranslation("legacy.new-token"));
                dialog.add(new LegacyTokenShown(service.rotateToken(operator.tenant(), shown.deviceId(), operator.actor()), host,
                        getTranslation("legacy.once.new", shown.deviceId())));
                Button close = new Button(getTranslation("legacy.close"), c -> dialog.close());
                close.setId("legacy-token-close");
                dialog.getFooter().add(close);
                dialog.setWidth("34em");
                dialog.open();
            } finally {
                newToken.setEnabled(shown.retiredAt() == null);
            }
        });

        events.setId("legacy-events-grid");
        events.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        events.addColumn(e -> OperatorTime.of(formats, e.deviceTime())).setHeader(getTranslation("legacy.event.time"));
        events.addColumn(LegacyTexts::uptime).setHeader(getTranslation("legacy.event.uptime"));
        events.addColumn(LegacyTexts::status).setHeader(getTranslation("legacy.event.status")).setFlexGrow(3);
        events.addColumn(e -> OperatorTime.of(formats, e.receivedAt())).setHeader(getTranslation("legacy.event.received"));
        events.setPageSize(50);
        events.setItems(new CallbackDataProvider<LegacyEvent, Void>(
                query -> shown == null ? Stream.<LegacyEvent>empty() : service.events(operator.tenant(), shown.deviceId(),
                        new PageRequest(query.getOffset(), query.getLimit())).items().stream(),
                query -> shown == null ? 0 : (int) Math.min(Integer.MAX_VALUE, service.events(operator.tenant(), shown.deviceId(),
                        new PageRequest(0, 1)).total())));
        events.setEmptyStateText(getTranslation("legacy.events.none"));
        events.setHeight("20em");
        events.getStyle().set("flex", "none");

        uploads.setId("legacy-uploads-grid");
        uploads.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        uploads.addColumn(u -> OperatorTime.of(formats, u.receivedAt())).setHeader(getTranslation("legacy.upload.received"));
        uploads.addColumn(LegacyUpload::status).setHeader(getTranslation("legacy.upload.status")).setAutoWidth(true).setFlexGrow(0);
        uploads.addColumn(u -> formats.integer(u.bytes())).setHeader(getTranslation("legacy.upload.bytes")).setAutoWidth(true)
                .setFlexGrow(0);
        uploads.addColumn(u -> LegacyTexts.uploadCounts(u, formats, this::getTranslation)).setHeader(getTranslation("legacy.upload.counts"))
                .setFlexGrow(2);
        uploads.addColumn(u -> LegacyTexts.orEmpty(u.rejections())).setHeader(getTranslation("legacy.upload.rejections")).setFlexGrow(3);
        uploads.setPageSize(50);
        uploads.setItems(new CallbackDataProvider<LegacyUpload, Void>(
                query -> shown == null ? Stream.<LegacyUpload>empty() : service.uploads(operator.tenant(), shown.deviceId(),
                        new PageRequest(query.getOffset(), query.getLimit())).items().stream(),
                query -> shown == null ? 0 : (int) Math.min(Integer.MAX_VALUE, service.uploads(operator.tenant(), shown.deviceId(),
                        new PageRequest(0, 1)).total())));
        uploads.setEmptyStateText(getTranslation("legacy.uploads.none"));
        uploads.setHeight("20em");
        uploads.getStyle().set("flex", "none");

        add(title, reported, newToken, new H4(getTranslation("legacy.uploads")), uploads, new H4(getTranslation("legacy.events")),
                events);
        setPadding(false);
        setId("legacy-details");
    }

    void show(LegacyGatewayView gateway) {
        shown = gateway;
        title.setText(getTranslation("legacy.details.title", gateway.deviceId(), gateway.gatewayId(), gateway.householdId()));
        reported.setText(getTranslation("legacy.details.reported", LegacyTexts.orEmpty(gateway.firmware()),
                LegacyTexts.orEmpty(gateway.meterModel()), OperatorTime.of(formats, gateway.lastUploadAt()),
                LegacyTexts.counts(gateway, formats, this::getTranslation)));
        // a replaced gateway's device cannot upload any more: no token for it
        newToken.setEnabled(gateway.retiredAt() == null);
        events.getDataProvider().refreshAll();
        uploads.getDataProvider().refreshAll();
    }
}
