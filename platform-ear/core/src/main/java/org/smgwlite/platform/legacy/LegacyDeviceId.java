package org.smgwlite.platform.legacy;

import java.util.Objects;
import java.util.regex.Pattern;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The {@code ID} an SMGW.Lite gateway sends with every upload: at most {@value #MAX_LENGTH} characters (the firmware's
 * field is {@code char[4]}, the PHP backend's {@code clients.device_id} is {@code char(3)}), unique per tenant. The
 * firmware puts it into the query unencoded, so only characters that need no encoding are accepted (RFC 3986
 * unreserved: letters, digits, {@code - . _ ~}). Case matters, as in the firmware's backend.
 */
public record LegacyDeviceId(String value) {

    public static final int MAX_LENGTH = 3;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}");

    public LegacyDeviceId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidInputException("deviceId", "'" + value + "' is not 1-" + MAX_LENGTH
                    + " letters, digits or - . _ ~ (the firmware's ID field)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
