package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * A register dialog's fields by the names the services use in their field errors: a service's message is shown on
 * the field it names; one for a field the form does not have goes on to the error handler.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields;

    FieldErrors(Map<String, HasValidation> fields) {
        this.fields = Map.copyOf(fields);
    }

    /** Before a new attempt: no field shows an old message. */
    void clear() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    void show(String field, String message) {
        HasValidation target = fields.get(field);
        if (target == null) {
            throw new InvalidInputException(field, message);
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
    }

    /** The typed household id (digits only, the field allows at most 18), or null if none: the service names it required. */
    static Long householdId(TextField field) {
        String digits = field.getValue().strip();
        return digits.isEmpty() ? null : Long.valueOf(digits);
    }
}
