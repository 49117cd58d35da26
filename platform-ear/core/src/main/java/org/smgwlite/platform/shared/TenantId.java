package org.smgwlite.platform.shared;

import java.util.regex.Pattern;

/**
 * The id of a tenant (a metering point operator, MSB, or an energy community): a lowercase
 * slug such as {@code stadtwerke-demo}. It is carried in the user's token (claim {@code tenant}),
 * stored in every tenant-owned row and used as EclipseLink's tenant discriminator.
 */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("tenantId",
                    "must be 3 to 40 characters of a-z, 0-9 and '-', starting with a letter or digit, was '" + value + "'");
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
