package org.smgwlite.platform.certificate;

import java.util.Arrays;
import java.util.List;
import org.smgwlite.pki.TenantId;

/**
 * The payload of a {@link org.smgwlite.platform.cluster.ClusterChannel#REVOCATION} signal: {@code <tenant> <serial>...}
 * (hex serials). The tenant is what a node needs (its CRL is stale); the serials say what changed, as far as they fit
 * into one signal: a longer list is cut, never the tenant.
 */
public record RevocationSignal(TenantId tenant, List<String> serials) {

    /** Serials beyond this many are left out of the payload (32 hex digits each, far below PostgreSQL's limit). */
    static final int MAX_SERIALS = 100;

    public RevocationSignal {
        serials = List.copyOf(serials.size() > MAX_SERIALS ? serials.subList(0, MAX_SERIALS) : serials);
    }

    public String payload() {
        return serials.isEmpty() ? tenant.value() : tenant.value() + " " + String.join(" ", serials);
    }

    /** @throws IllegalArgumentException for a payload that does not start with a tenant id */
    public static RevocationSignal ofPayload(String payload) {
        String[] parts = payload.strip().split(" +");
        return new RevocationSignal(new TenantId(parts[0]), Arrays.asList(parts).subList(1, parts.length));
    }
}
