package org.smgwlite.platform.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.platform.infra.DatabaseSettings;

/**
 * This node's listener for {@link ClusterChannel}s, started with the platform: a {@link SignalListener} on a managed
 * thread of its own, on a plain connection opened with the datasource's settings ({@value DatabaseSettings#URL},
 * {@value DatabaseSettings#USER}; {@code LISTEN} needs no table rights) rather than one of the pool, which it would hold
 * forever. Signals become {@link ClusterSignal} events, a reconnect a {@link ClusterResync} event.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterListener {

    /** Seconds a read on the listening connection may block; idle connections are pinged well within it. */
    private static final int SOCKET_TIMEOUT_SECONDS = 60;

    @Inject
    @ConfigProperty(name = DatabaseSettings.URL)
    String url;

    @Inject
    @ConfigProperty(name = DatabaseSettings.USER)
    String user;

    @Inject
    @ConfigProperty(name = DatabaseSettings.PASSWORD, defaultValue = "")
    String password;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Event<ClusterSignal> signals;

    @Inject
    Event<ClusterResync> resyncs;

    private SignalListener listener;

    @PostConstruct
    void start() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setApplicationName("smgw-cluster-signals");
        source.setTcpKeepAlive(true);
        source.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        source.setConnectTimeout(10);
        listener = new SignalListener(source::getConnection, new SignalListener.Receiver() {
            @Override
            public void signal(ClusterChannel channel, String payload) {
                signals.fire(new ClusterSignal(channel, payload));
            }

            @Override
            public void resync(int connection) {
                resyncs.fire(new ClusterResync(connection));
            }
        });
        Thread thread = threads.newThread(listener);
        thread.setName("smgw-cluster-signals");
        thread.start();
    }

    @PreDestroy
    void stop() {
        listener.stop();
    }
}
