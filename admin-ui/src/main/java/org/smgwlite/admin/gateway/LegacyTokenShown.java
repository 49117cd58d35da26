package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.smgwlite.platform.legacy.NewLegacyGateway;

/**
 * An SMGW.Lite token, shown this once (only its SHA-256 is stored), with what the owner enters on the device's Backend
 * Config page: the endpoint and the device id. Used on registration and for a new token.
 */
class LegacyTokenShown extends VerticalLayout {

    LegacyTokenShown(NewLegacyGateway created, String host, String message) {
        TextField endpoint = readOnly("legacy.endpoint", host + created.endpointPath(), "legacy-endpoint");
        TextField id = readOnly("legacy.device-id", created.deviceId(), "legacy-shown-id");
        TextField token = readOnly("legacy.token", created.token(), "legacy-token");
        FormLayout shown = new FormLayout(endpoint, id, token);
        shown.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph(message), shown);
        setPadding(false);
    }

    private TextField readOnly(String label, String value, String elementId) {
        TextField f = new TextField(getTranslation(label));
        f.setValue(value);
        f.setReadOnly(true);
        f.setWidthFull();
        f.setId(elementId);
        return f;
    }
}
