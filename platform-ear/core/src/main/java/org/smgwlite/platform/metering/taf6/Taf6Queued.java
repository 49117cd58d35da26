package org.smgwlite.platform.metering.taf6;

import org.smgwlite.pki.TenantId;

/**
 * A TAF 6 request for this gateway was committed; waiting long polls of the gateway answer now. A CDI event on the
 * node that queued it, and a {@link org.smgwlite.platform.cluster.ClusterChannel#TAF6_QUEUED} signal to every node,
 * whose payload is {@link #payload()}.
 */
public record Taf6Queued(TenantId tenant, String gatewayId) {

    /** {@code <tenant> <gateway>}: neither id has a space in it. */
    public String payload() {
        return tenant.value() + " " + gatewayId;
    }

    /** @throws IllegalArgumentException for a payload that is not {@code <tenant> <gateway>} */
    public static Taf6Queued ofPayload(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("TAF 6 signal '" + payload + "' is not '<tenant> <gateway>'");
        }
        return new Taf6Queued(new TenantId(parts[0]), parts[1]);
    }
}
