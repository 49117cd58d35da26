package org.smgwlite.pki;

import java.util.Objects;
import java.util.regex.Pattern;

/** The id of a tenant (a metering point operator, "MSB"); names the tenant's issuing CA. */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant id must be 1-63 characters [a-z0-9-] starting with a letter or digit: '"
                            + GatewayId.printable(value) + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
