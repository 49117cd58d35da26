package org.smgwlite.platform.shared;

import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;

/**
 * Tenant and gateway ids as they arrive from outside (a URL, a form, HTTP Basic credentials): parsed with the
 * rule of the id type ({@link TenantId}, {@link GatewayId}, one each for agent, PKI and platform) and refused as
 * {@link InvalidInputException} naming the field, so the caller gets a 400 or a form message, not a 500.
 */
public final class InputIds {

    private InputIds() {
    }

    /** @throws InvalidInputException on field {@code tenantId} if malformed */
    public static TenantId tenant(String value) {
        try {
            return TenantId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tenantId", e.getMessage());
        }
    }

    /** @throws InvalidInputException on field {@code gatewayId} if malformed; surrounding whitespace is dropped */
    public static GatewayId gateway(String value) {
        try {
            return GatewayId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("gatewayId", e.getMessage());
        }
    }
}
