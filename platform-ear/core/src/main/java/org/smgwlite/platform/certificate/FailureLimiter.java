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
 * one window the key is blocked until the window closes; a success clears the key. In memory, per platform node; what
 * the other nodes counted comes in through {@link #adopt} ({@link IdAndAddressLimits}).
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
    /** Insertion order = about the order of the windows' end, soonest first (adopted windows may end a little off). */
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        Instant end; // changed by adopt only
        int failures;

        Window(Instant end) {
            this.end = end;
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
        Duration left = Duration.between(clock.instant(), w.end);
        return Optional.of(Duration.ofSeconds(left.getSeconds() + (left.getNano() > 0 ? 1 : 0)));
    }

    /** Records one failure of {@code key}. */
    public synchronized void failed(String key) {
        Instant now = clock.instant();
        Window w = current(key, now);
        if (w == null) {
            makeRoom(now);
            w = new Window(now.plus(window));
            windows.put(key, w);
        }
        w.failures++;
    }

    /**
     * Takes over the count of {@code key}'s window as the whole deployment group has it ({@code failures} ending at
     * {@code windowEnd}), which includes this node's own failures: it replaces this node's count, also a higher one (a
     * success elsewhere forgot the key, or the shared window started over).
     */
    public synchronized void adopt(String key, int failures, Instant windowEnd) {
        Instant now = clock.instant();
        if (failures < 1 || !now.isBefore(windowEnd)) {
            return;
        }
        Window w = current(key, now);
        if (w == null) {
            makeRoom(now);
            w = new Window(windowEnd);
            windows.put(key, w);
        }
        w.end = windowEnd;
        w.failures = failures;
    }

    /** Forgets {@code key}'s failures (it proved itself); true if there were any in an open window. */
    public synchronized boolean succeeded(String key) {
        return current(key, clock.instant()) != null && windows.remove(key) != null;
    }

    /** Keys held now (for tests and monitoring). */
    public synchronized int size() {
        return windows.size();
    }

    private Window current(String key, Instant now) {
        Window w = windows.get(key);
        if (w != null && !now.isBefore(w.end)) {
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
            if (now.isBefore(it.next().getValue().end)) {
                break; // the rest end about as late or later: dropping them is left to the oldest-first rule below
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
