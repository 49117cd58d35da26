package org.smgwlite.platform.legacy;

import java.time.Instant;

/** An SMGW.Lite gateway as the operator sees it: ids, household, where its token came from, what it last reported. */
public record LegacyGatewayView(String deviceId, String gatewayId, long householdId, String tokenSource, String firmware,
                                String target, String configVersion, String meterModel, String fields, Integer ipLastOctet,
                                Instant lastUploadAt, Integer lastReceived, Integer lastInserted, Integer lastRejected,
                                Instant lastLogAt, Instant retiredAt) {
}
