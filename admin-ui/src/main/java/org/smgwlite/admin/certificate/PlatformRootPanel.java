package org.smgwlite.admin.certificate;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.certificate.RootSummary;

/**
 * The platform root as an operator hands it to a gateway owner for pinning: subject, validity, the SHA-256
 * fingerprint in the form of the enrollment answer ({@code rootSha256}), selectable for copying, and the PEM.
 */
public class PlatformRootPanel extends VerticalLayout {

    public PlatformRootPanel(RootSummary root, LocalFormats formats, ZoneId zone) {
        FormLayout fields = new FormLayout();
        fields.addFormItem(CaFields.value("root-subject", root.subject()), getTranslation("ca.subject"));
        fields.addFormItem(CaFields.value("root-validity", getTranslation("ca.validity.range",
                formats.dateTime(root.notBefore(), zone), formats.dateTime(root.notAfter(), zone))), getTranslation("ca.validity"));
        TextField fingerprint = new TextField();
        fingerprint.setId("root-sha256");
        fingerprint.setValue(root.sha256());
        fingerprint.setReadOnly(true);
        fingerprint.setWidthFull();
        fingerprint.getStyle().set("font-family", "monospace");
        fields.addFormItem(fingerprint, getTranslation("root.sha256"));
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H3(getTranslation("root.title")), fields,
                PemDownloads.link("root-download", getTranslation("root.download"), root.pem(), "smgw-root.pem"));
        setPadding(false);
    }
}
