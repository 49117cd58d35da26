package org.smgwlite.platform.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failures per key in a fixed window that opens with a key's first failure: after {@code maxFailures} in
 * one window the key is blocked until the window closes; a success clears the key. In memory, per platform node.
 *
 * <p>Memory is bounded: at most {@code maxKeys} keys are kept. When full, expired keys are dropped first, then the
 * oldest ones, so a flood of made-up keys costs the flooder its own counts, never the platform its heap.
 * Thread-safe.
 */
public final class FailureLimiter {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    /** Insertion order = order of the windows' start, oldest first. */
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    public FailureLimiter(Clock clock, int maxFailures, Duration window, int maxKeys) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limiter needs at least one failure, a positive window and room for one key");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** How long {@code key} is still blocked, in whole seconds rounded up; empty if it may try now. */
    public synchronized Optional<Duration> blockedFor(String key) {
        Window w = current(key, clock.instant());
        if (w == null || w.failures < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), w.start.plus(window));
        return Optional.of(Duration.ofSeconds(left.getSeconds() + (left.getNano() > 0 ? 1 : 0)));
    }

    /** Records one failure of {@code key}. */
    public synchronized void failed(String key) {
        Instant now = clock.instant();
        Window w = current(key, now);
        if (w == null) {
            makeRoom(now);
            w = new Window(now);
            windows.put(key, w);
        }
        w.failures++;
    }

    /** Forgets {@code key}'s failures (it proved itself). */
    public synchronized void succeeded(String key) {
        windows.remove(key);
    }

    /** Keys held now (for tests and monitoring). */
    public synchronized int size() {
        return windows.size();
    }

    private Window current(String key, Instant now) {
        Window w = windows.get(key);
        if (w != null && !now.isBefore(w.start.plus(window))) {
            windows.remove(key);
            return null;
        }
        return w;
    }

    private void makeRoom(Instant now) {
        if (windows.size() < maxKeys) {
            return;
        }
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            if (now.isBefore(it.next().getValue().start.plus(window))) {
                break; // the rest started later and has not expired either
            }
            it.remove();
        }
        while (windows.size() >= maxKeys) {
            Iterator<String> oldest = windows.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
