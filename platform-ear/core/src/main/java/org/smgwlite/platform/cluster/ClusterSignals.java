package org.smgwlite.platform.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * Sends a signal to every node of the deployment group in the caller's transaction: the platform's datasource hands
 * out the transaction's connection, so the signal is delivered when the change it announces is committed, and never
 * when it is rolled back. The nodes receive it as a {@link ClusterSignal} ({@link ClusterListener}).
 */
@ApplicationScoped
public class ClusterSignals {

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Call inside the transaction of the change; outside one the signal goes out at once. */
    public void send(ClusterChannel channel, String payload) {
        try (Connection c = dataSource.getConnection()) {
            SignalSender.send(c, channel, payload);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot send the signal on " + channel.channelName() + ": " + e.getMessage(), e);
        }
    }
}
