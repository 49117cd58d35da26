package org.smgwlite.pki;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a smart meter gateway, as it appears in the common name of its certificates
 * (e.g. {@code EDEF0012345678}). Restricted to characters that need no escaping in a distinguished name.
 */
public record GatewayId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public GatewayId {
        Objects.requireNonNull(value, "gateway id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "gateway id must be 1-64 characters [A-Za-z0-9._-] starting with a letter or digit: '"
                            + printable(value) + "'");
        }
    }

    public static GatewayId of(String value) {
        return new GatewayId(value);
    }

    @Override
    public String toString() {
        return value;
    }

    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
