package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.platform.certificate.CertificateRecords;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.certificate.GatewayCertificate;
import org.smgwlite.platform.gateway.EnrollmentHandouts;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.gateway.GatewaySummary;
import org.smgwlite.platform.metering.taf6.Taf6Requests;

/**
 * The selected gateway: issue an enrollment code, its certificates (download, revoke one or all with a reason) and its
 * TAF 6 readings. Every action is a call of the same application service the REST API uses.
 */
class GatewayDetails extends VerticalLayout {

    /** What the details call; one bundle so the view hands them over at once. */
    record Services(EnrollmentHandouts handouts, EnrollmentService enrollment, CertificateRecords certificates,
                    Taf6Requests taf6) {
    }

    private final Services services;
    private final Operator operator;
    private final Runnable changed;
    private final H3 title = new H3();
    private final Paragraph retired = new Paragraph();
    private final Paragraph agent = new Paragraph();
    private final Button issueCode = new Button();
    private final CertificatesGrid certificates;
    private final Taf6Panel taf6;
    private GatewaySummary shown;

    /** @param changed called after a revocation, whose gateway may have changed state */
    GatewayDetails(Services services, Operator operator, Runnable changed) {
        this.services = services;
        this.operator = operator;
        this.changed = changed;
        this.certificates = new CertificatesGrid(formats(), this::confirmRevokeOne);
        this.taf6 = new Taf6Panel(services.taf6(), operator, formats());

        issueCode.setText(getTranslation("gateways.code.issue"));
        issueCode.setId("gateway-issue-code");
        issueCode.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issueCode.setDisableOnClick(true);
        issueCode.addClickListener(e -> issueCode());
        Button revokeAll = new Button(getTranslation("gateways.revoke-all"), e -> confirmRevokeAll());
        revokeAll.setId("gateway-revoke-all");
        revokeAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        certificates.setEmptyStateText(getTranslation("certificates.none"));
        retired.setId("gateway-retired");
        agent.setId("gateway-agent-status");

        add(title, retired, new H4(getTranslation("gateways.details.agent")), agent, new HorizontalLayout(issueCode, revokeAll), new H4(getTranslation("certificates.title")),
                certificates, taf6);
        setPadding(false);
        setId("gateway-details");
    }

    void show(GatewaySummary gateway) {
        shown = gateway;
        title.setText(getTranslation("gateways.details.title", gateway.gatewayId(), gateway.householdId()));
        retired.setVisible(gateway.retiredAt() != null);
        retired.setText(gateway.retiredAt() == null ? "" : getTranslation("gateways.details.retired",
                OperatorTime.of(formats(), gateway.retiredAt())));
        agent.setText(AgentStatusText.details(gateway, formats(), this::getTranslation));
        issueCode.setEnabled(gateway.retiredAt() == null);
        showCertificates();
        taf6.show(gateway.gatewayId());
    }

    private void showCertificates() {
        certificates.show(services.certificates().ofGateway(operator.tenant(), GatewayId.of(shown.gatewayId())));
    }

    /** The button stays disabled from the click until the code is shown: a double click issues one code. */
    private void issueCode() {
        try {
            new EnrollmentCodeDialog(services.handouts().issue(operator.tenant(), shown.gatewayId(),
                    GatewayService.DEFAULT_CODE_VALIDITY, operator.actor()), formats()).open();
        } finally {
            issueCode.setEnabled(shown.retiredAt() == null);
        }
    }

    /** Dates and numbers in the page's language. */
    private LocalFormats formats() {
        return new LocalFormats(getLocale());
    }

    private void confirmRevokeOne(GatewayCertificate c) {
        new RevokeDialog(getTranslation("revoke.title.one", c.serialHex()), reason -> {
            services.enrollment().revokeCertificate(operator.tenant(), shown.gatewayId(), c.serialHex(), reason, operator.actor());
            Notices.done(getTranslation("revoke.done.one", c.serialHex(), getTranslation("reason." + reason.name())));
            showCertificates();
            changed.run();
        }).open();
    }

    private void confirmRevokeAll() {
        new RevokeDialog(getTranslation("revoke.title.all", shown.gatewayId()), reason -> {
            List<String> serials = services.enrollment().revoke(operator.tenant(), shown.gatewayId(), reason, operator.actor());
            Notices.done(serials.isEmpty() ? getTranslation("revoke.none", shown.gatewayId())
                    : getTranslation("revoke.done.all", serials.size(), shown.gatewayId()));
            showCertificates();
            changed.run();
        }).open();
    }
}
