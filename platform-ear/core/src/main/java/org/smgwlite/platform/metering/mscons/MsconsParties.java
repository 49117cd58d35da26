package org.smgwlite.platform.metering.mscons;

import java.util.regex.Pattern;

/**
 * Sender (the metering point operator, NAD+MS) and recipient (NAD+MR) of an interchange, as 13-digit market partner
 * ids of the BDEW code numbers (UNB code 500, NAD agency 293).
 */
public record MsconsParties(String senderId, String recipientId) {

    private static final Pattern MARKET_PARTNER_ID = Pattern.compile("[0-9]{13}");

    /** A documented placeholder market partner id, used where no real one is configured. */
    public static final String PLACEHOLDER_ID = "9900000000003";

    public MsconsParties {
        check("senderId", senderId);
        check("recipientId", recipientId);
    }

    /** @throws org.smgwlite.platform.shared.InvalidInputException when {@code id} is not 13 digits */
    public static void check(String field, String id) {
        if (id == null || !MARKET_PARTNER_ID.matcher(id).matches()) {
            throw new org.smgwlite.platform.shared.InvalidInputException(field,
                    "must be a 13-digit market partner id (BDEW code number), was '" + id + "'");
        }
    }
}
