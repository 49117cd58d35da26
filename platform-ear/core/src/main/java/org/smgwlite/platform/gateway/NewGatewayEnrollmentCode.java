package org.smgwlite.platform.gateway;

import java.time.Instant;

/** A code just created for a gateway: {@code code} is shown to the operator this once and stored only hashed. */
public record NewGatewayEnrollmentCode(String gatewayId, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "NewGatewayEnrollmentCode[" + gatewayId + ", ****, " + expiresAt + "]";
    }
}
