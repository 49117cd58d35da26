package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.smgwlite.platform.legacy.NewLegacyGateway;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Registers an SMGW.Lite gateway (ESP32 firmware, token instead of certificates) for a household and shows its token
 * once, with the endpoint to enter on the device. Every rule is the service's ({@code LegacyGatewayService.register});
 * its field errors are shown on their fields. The token is not kept anywhere after the dialog closes.
 */
class RegisterLegacyGatewayDialog extends Dialog {

    /** Registers; throws the service's {@link InvalidInputException} or {@link ConflictException}. */
    interface Registrar {
        NewLegacyGateway register(String deviceId, Long householdId);
    }

    private final TextField deviceId = new TextField();
    private final TextField householdId = new TextField();
    private final FieldErrors fields = new FieldErrors(Map.of("deviceId", deviceId, "householdId", householdId,
            "gatewayId", deviceId));

    RegisterLegacyGatewayDialog(Registrar registrar, String host, Consumer<NewLegacyGateway> registered) {
        setHeaderTitle(getTranslation("legacy.title"));
        deviceId.setLabel(getTranslation("legacy.device-id"));
        deviceId.setHelperText(getTranslation("legacy.device-id.help"));
        deviceId.setId("legacy-device-id");
        deviceId.setMaxLength(3);
        householdId.setLabel(getTranslation("register.household-id"));
        householdId.setId("legacy-household-id");
        householdId.setAllowedCharPattern("[0-9]");
        householdId.setMaxLength(18);
        FormLayout form = new FormLayout(deviceId, householdId);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button(getTranslation("register.save"));
        save.setId("legacy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        Button cancel = new Button(getTranslation("register.cancel"), e -> close());
        cancel.setId("legacy-close");
        save.addClickListener(e -> {
            try {
                fields.clear();
                NewLegacyGateway created = registrar.register(deviceId.getValue(), FieldErrors.householdId(householdId));
                showToken(created, host);
                save.setVisible(false);
                cancel.setText(getTranslation("legacy.close"));
                registered.accept(created);
            } catch (InvalidInputException invalid) {
                invalid.fieldErrors().forEach(fields::show);
            } catch (ConflictException conflict) {
                fields.show(conflict.field().orElse("deviceId"), conflict.getMessage());
            } finally {
                save.setEnabled(true);
            }
        });
        getFooter().add(cancel, save);
        setWidth("34em");
    }

    /** The token once, with what the owner enters on the device's Backend Config page. */
    private void showToken(NewLegacyGateway created, String host) {
        removeAll();
        add(new LegacyTokenShown(created, host, getTranslation("legacy.once", created.gatewayId())));
    }
}
