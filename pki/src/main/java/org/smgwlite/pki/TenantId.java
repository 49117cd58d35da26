package org.smgwlite.pki;

import java.util.regex.Pattern;

/**
 * The id of a tenant (a metering point operator, MSB, or an energy community): a lowercase slug such as
 * {@code stadtwerke-demo}, 3 to 40 characters (the {@code tenant.id} CHECK of the database). It names the
 * tenant's issuing CA (its OU), is carried in the user's token (claim {@code tenant}), stored in every
 * tenant-owned row and used as the platform's tenant discriminator.
 */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

    public TenantId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant id must be 3 to 40 characters of a-z, 0-9 and '-', starting with a letter or digit, was '"
                            + (value == null ? null : GatewayId.printable(value)) + "'");
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
