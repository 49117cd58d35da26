package org.smgwlite.platform.metering.taf6;

import org.smgwlite.pki.TenantId;

/** CDI event: a TAF 6 request for this gateway was committed; waiting long polls of the gateway answer now. */
public record Taf6Queued(TenantId tenant, String gatewayId) {
}
