package org.smgwlite.platform.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sends a signal with {@code pg_notify} on a connection: inside a transaction PostgreSQL delivers it at the commit and
 * never after a rollback, to every listening session, the sender's own node included.
 */
public final class SignalSender {

    /** PostgreSQL refuses longer payloads (8000 bytes in the default build). */
    public static final int MAX_PAYLOAD_BYTES = 7999;

    private SignalSender() {
    }

    /** @throws IllegalArgumentException for a payload PostgreSQL would refuse (too long) */
    public static void send(Connection connection, ClusterChannel channel, String payload) throws SQLException {
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("signal on " + channel.channelName() + " has " + bytes
                    + " bytes, at most " + MAX_PAYLOAD_BYTES + " fit");
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel.channelName());
            notify.setString(2, payload);
            notify.execute();
        }
    }
}
