package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.certificate.CertificateStatus;
import org.smgwlite.platform.certificate.GatewayCertificate;

/**
 * A gateway's TLS and signature certificates: serial, profile, curve, validity and status, those the operator has to act
 * on (expiring within 30 days, expired without renewal) first, then the newest. Each can be downloaded as PEM and, unless
 * revoked, revoked (the caller asks for the reason).
 */
class CertificatesGrid extends Grid<GatewayCertificate> {

    /** PEM, as RFC 8555 registers it for a certificate (chain). */
    private static final String PEM = "application/pem-certificate-chain";

    private Instant shownAt = Instant.now();

    /** @param revoke asks for a reason and revokes the certificate */
    CertificatesGrid(LocalFormats formats, Consumer<GatewayCertificate> revoke) {
        setId("certificates-grid");
        addColumn(GatewayCertificate::serialHex).setHeader(getTranslation("certificates.column.serial")).setAutoWidth(true);
        addColumn(GatewayCertificate::profile).setHeader(getTranslation("certificates.column.profile")).setAutoWidth(true);
        addColumn(c -> c.curve().standardName()).setHeader(getTranslation("certificates.column.curve")).setAutoWidth(true);
        addColumn(c -> OperatorTime.of(formats, c.notBefore())).setHeader(getTranslation("certificates.column.not-before"))
                .setAutoWidth(true);
        addColumn(c -> OperatorTime.of(formats, c.notAfter())).setHeader(getTranslation("certificates.column.not-after"))
                .setAutoWidth(true);
        addColumn(this::status).setHeader(getTranslation("certificates.column.status")).setAutoWidth(true).setKey("status");
        addComponentColumn(this::pemLink).setHeader(getTranslation("certificates.pem")).setAutoWidth(true);
        addComponentColumn(c -> revokeButton(c, revoke)).setAutoWidth(true);
        setAllRowsVisible(true);
    }

    void show(List<GatewayCertificate> certificates) {
        shownAt = Instant.now();
        setItems(certificates.stream()
                .sorted(Comparator.comparing((GatewayCertificate c) -> !c.status(shownAt).needsAction())
                        .thenComparing(GatewayCertificate::notAfter, Comparator.reverseOrder()))
                .toList());
    }

    private String status(GatewayCertificate c) {
        CertificateStatus status = c.status(shownAt);
        String text = getTranslation("certificates.status." + status.name());
        return c.revocationReason()
                .map(r -> getTranslation("certificates.revoked-because", text, getTranslation("reason." + r.name())))
                .orElse(text);
    }

    private Component pemLink(GatewayCertificate c) {
        byte[] pem = c.pem().getBytes(StandardCharsets.US_ASCII);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(pem), c.pemFileName(), PEM, pem.length)), c.pemFileName());
        link.setId("certificate-pem-" + c.serialHex());
        return link;
    }

    private Component revokeButton(GatewayCertificate c, Consumer<GatewayCertificate> revoke) {
        if (c.isRevoked()) {
            return new Span();
        }
        Button button = new Button(getTranslation("certificates.revoke"), e -> revoke.accept(c));
        button.setId("certificate-revoke-" + c.serialHex());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return button;
    }
}
