package org.smgwlite.platform.metering.taf6;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.smgwlite.pki.TenantId;

/**
 * Gateways waiting in a long poll for their next TAF 6 request, without a thread each: a waiter is a callback,
 * run on the container's executor once a request for its gateway is committed. One platform instance; a waiter
 * that is not woken is ended by its own timeout.
 */
@ApplicationScoped
public class Taf6Waiters {

    /** A registered waiter; {@link #cancel} when it was answered otherwise (timeout, request found at once). */
    public interface Registration {
        void cancel();
    }

    private final ConcurrentHashMap<String, Set<Runnable>> waiting = new ConcurrentHashMap<>();

    @Resource
    ManagedExecutorService executor;

    public Registration register(TenantId tenant, String gatewayId, Runnable onQueued) {
        String key = key(tenant, gatewayId);
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(onQueued);
        return () -> waiting.computeIfPresent(key, (k, set) -> {
            set.remove(onQueued);
            return set.isEmpty() ? null : set;
        });
    }

    /** After the commit only: a woken poll must find the request in the database. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Taf6Queued queued) {
        Set<Runnable> woken = waiting.remove(key(queued.tenant(), queued.gatewayId()));
        if (woken != null) {
            woken.forEach(executor::execute);
        }
    }

    /** Runs {@code work} on the container's executor (a managed thread, so it may call the platform's services). */
    public void later(Runnable work) {
        executor.execute(work);
    }

    /** Gateways waiting now (for the status of the platform and tests). */
    public int size() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private static String key(TenantId tenant, String gatewayId) {
        return tenant.value() + "/" + gatewayId;
    }
}
