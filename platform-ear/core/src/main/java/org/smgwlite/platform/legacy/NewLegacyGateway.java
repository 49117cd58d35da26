package org.smgwlite.platform.legacy;

/**
 * A registered SMGW.Lite gateway with its token, shown once (only its SHA-256 is stored) and the path to enter on
 * the device's settings page after the platform's host ({@code <host>/api/legacy/smgwlite/<tenant>/}).
 */
public record NewLegacyGateway(String deviceId, String gatewayId, long householdId, String token, String endpointPath) {

    @Override
    public String toString() {
        return "NewLegacyGateway[" + deviceId + ", " + gatewayId + ", ****]";
    }
}
