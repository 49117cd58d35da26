package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.gateway.EnrollmentHandout;

/**
 * Shows a just-issued enrollment code once: the agent.properties lines its owner needs (device-port URL, tenant,
 * gateway id, code, root SHA-256), their expiry, a copy button, and the same lines as a QR code for the installer.
 * Closing the dialog is the end of the clear code: the platform keeps only its hash.
 */
class EnrollmentCodeDialog extends Dialog {

    EnrollmentCodeDialog(EnrollmentHandout handout, LocalFormats formats) {
        String lines = String.join("\n", handout.agentProperties());
        setHeaderTitle(getTranslation("code.title", handout.gatewayId()));
        setCloseOnOutsideClick(false);

        TextArea text = new TextArea();
        text.setId("enrollment-code-lines");
        text.setValue(lines);
        text.setReadOnly(true);
        text.setWidthFull();
        text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");

        // the browser allows the clipboard only on https or localhost; elsewhere the operator selects the lines
        Button copy = new Button(getTranslation("code.copy"), e -> e.getSource().getElement()
                .executeJs("return navigator.clipboard.writeText($0)", lines)
                .then(done -> Notices.done(getTranslation("code.copied")), refused -> Notices.failed(getTranslation("code.copy-refused"))));
        copy.setId("enrollment-code-copy");

        Html qr = new Html("<div>" + QrSvg.of(lines) + "</div>");
        qr.getElement().setAttribute("aria-label", getTranslation("code.qr"));
        qr.getElement().setAttribute("role", "img");
        qr.getElement().getStyle().set("width", "18em").set("max-width", "100%");
        qr.setId("enrollment-code-qr");

        Paragraph expires = new Paragraph(getTranslation("code.expires", OperatorTime.of(formats, handout.expiresAt())));
        expires.setId("enrollment-code-expires");
        add(new Paragraph(getTranslation("code.once")), expires, text, copy, new Div(qr));

        Button close = new Button(getTranslation("code.close"), e -> close());
        close.setId("enrollment-code-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        setWidth("46em");
        setId("enrollment-code-dialog");
    }
}
