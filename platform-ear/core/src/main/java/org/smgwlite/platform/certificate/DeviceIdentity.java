package org.smgwlite.platform.certificate;

import org.smgwlite.pki.TenantId;

/** Who is calling on the device port, as established from its client certificate and the database. */
public record DeviceIdentity(TenantId tenant, String gatewayId, long householdId, String certificateSerial) {
}
