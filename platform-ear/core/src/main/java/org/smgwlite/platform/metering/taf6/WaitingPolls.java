package org.smgwlite.platform.metering.taf6;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Long polls waiting for a TAF 6 request of their gateway, as callbacks run on {@code executor} when woken; each is
 * run once at most (waking removes it). Plain Java, so that a test can wake the waiters of two "nodes".
 */
public final class WaitingPolls {

    /** A registered waiter; {@link #cancel} when it was answered otherwise (timeout, request found at once). */
    public interface Registration {
        void cancel();
    }

    private final ConcurrentHashMap<String, Set<Runnable>> waiting = new ConcurrentHashMap<>();
    private final Executor executor;

    public WaitingPolls(Executor executor) {
        this.executor = executor;
    }

    public Registration register(Taf6Queued gateway, Runnable onQueued) {
        String key = gateway.payload();
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(onQueued);
        return () -> waiting.computeIfPresent(key, (k, set) -> {
            set.remove(onQueued);
            return set.isEmpty() ? null : set;
        });
    }

    /** Wakes the gateway's waiters; how many there were. */
    public int wake(Taf6Queued queued) {
        Set<Runnable> woken = waiting.remove(queued.payload());
        if (woken == null) {
            return 0;
        }
        woken.forEach(executor::execute);
        return woken.size();
    }

    /** Wakes every waiter (each answers with what is open, maybe nothing, and its gateway polls again). */
    public int wakeAll() {
        int woken = 0;
        for (String key : List.copyOf(waiting.keySet())) {
            Set<Runnable> set = waiting.remove(key);
            if (set != null) {
                set.forEach(executor::execute);
                woken += set.size();
            }
        }
        return woken;
    }

    public int size() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
