package org.smgwlite.platform.metering.taf6;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.cluster.ClusterChannel;
import org.smgwlite.platform.cluster.ClusterResync;
import org.smgwlite.platform.cluster.ClusterSignal;

/**
 * Gateways polling this node for their next TAF 6 request, without a thread each ({@link WaitingPolls}). A request
 * queued on this node wakes them right after its commit (CDI event); one queued on any node of the deployment group,
 * this one included, wakes them through its {@link ClusterChannel#TAF6_QUEUED} signal; after the node's listener
 * reconnected (signals may have been lost) every waiter is woken. A waiter that is not woken is ended by its timeout.
 */
@ApplicationScoped
public class Taf6Waiters {

    /** A registered waiter; {@link #cancel} when it was answered otherwise (timeout, request found at once). */
    public interface Registration extends WaitingPolls.Registration {
    }

    @Resource
    ManagedExecutorService executor;

    private WaitingPolls polls;

    @PostConstruct
    void start() {
        polls = new WaitingPolls(executor);
    }

    public Registration register(TenantId tenant, String gatewayId, Runnable onQueued) {
        return polls.register(new Taf6Queued(tenant, gatewayId), onQueued)::cancel;
    }

    /** After the commit only: a woken poll must find the request in the database. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Taf6Queued queued) {
        polls.wake(queued);
    }

    void onSignal(@Observes ClusterSignal signal) {
        if (signal.channel() == ClusterChannel.TAF6_QUEUED) {
            polls.wake(Taf6Queued.ofPayload(signal.payload()));
        }
    }

    void wakeAll(@Observes ClusterResync resync) {
        polls.wakeAll();
    }

    /** Runs {@code work} on the container's executor (a managed thread, so it may call the platform's services). */
    public void later(Runnable work) {
        executor.execute(work);
    }

    /** Gateways waiting now (for the status of the platform and tests). */
    public int size() {
        return polls.size();
    }
}
