package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Registers a gateway for a household. Every rule is the service's ({@code GatewayService.register}): its field errors
 * (id format, household not of this tenant, id taken, household has a gateway) are shown on their fields. The button
 * is disabled from the click until the answer, so a double click sends one registration; the service's lock on the
 * household and the unique gateway id stop any second one that gets through.
 */
class RegisterGatewayDialog extends Dialog {

    /** Registers; throws the service's {@link InvalidInputException} or {@link ConflictException}. */
    interface Registrar {
        Gateway register(String gatewayId, Long householdId, boolean replace);
    }

    private final TextField gatewayId = new TextField();
    private final TextField householdId = new TextField();
    private final Checkbox replace = new Checkbox();
    private final FieldErrors fields = new FieldErrors(Map.of("gatewayId", gatewayId, "householdId", householdId));

    RegisterGatewayDialog(Registrar registrar, Consumer<Gateway> registered) {
        setHeaderTitle(getTranslation("register.title"));
        gatewayId.setLabel(getTranslation("register.gateway-id"));
        gatewayId.setHelperText(getTranslation("register.gateway-id.help"));
        gatewayId.setId("register-gateway-id");
        gatewayId.setMaxLength(64);
        gatewayId.setWidthFull();
        householdId.setLabel(getTranslation("register.household-id"));
        householdId.setId("register-household-id");
        householdId.setAllowedCharPattern("[0-9]");
        householdId.setMaxLength(18);
        replace.setLabel(getTranslation("register.replace"));
        replace.setId("register-replace");

        Button save = new Button(getTranslation("register.save"));
        save.setId("register-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                fields.clear();
                Gateway gateway = registrar.register(gatewayId.getValue(), FieldErrors.householdId(householdId),
                        replace.getValue());
                close();
                registered.accept(gateway);
            } catch (InvalidInputException invalid) {
                invalid.fieldErrors().forEach(fields::show);
            } catch (ConflictException conflict) {
                fields.show(conflict.field().orElse("gatewayId"), conflict.getMessage());
            } finally {
                save.setEnabled(true);
            }
        });
        Button cancel = new Button(getTranslation("register.cancel"), e -> close());
        cancel.setId("register-cancel");

        FormLayout form = new FormLayout(gatewayId, householdId, replace);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        getFooter().add(cancel, save);
        setWidth("32em");
    }
}
