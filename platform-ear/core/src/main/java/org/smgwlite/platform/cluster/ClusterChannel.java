package org.smgwlite.platform.cluster;

import java.util.Arrays;
import java.util.Optional;

/** The PostgreSQL channels the nodes signal each other on; a node listens on all of them. */
public enum ClusterChannel {

    /** A TAF 6 request was queued; payload {@code <tenant> <gateway>}: the gateway's waiting long polls answer now. */
    TAF6_QUEUED("smgw_taf6_queued"),

    /** Certificates were revoked; payload {@code <tenant> <serial>...}: cached CRLs of the tenant are stale. */
    REVOCATION("smgw_revocation");

    private final String channelName;

    ClusterChannel(String channelName) {
        this.channelName = channelName;
    }

    /** The name in {@code LISTEN} and {@code pg_notify} (an SQL identifier: lower case, no quoting needed). */
    public String channelName() {
        return channelName;
    }

    static Optional<ClusterChannel> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.channelName.equals(name)).findFirst();
    }
}
