package org.smgwlite.platform.certificate;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.smgwlite.pki.TenantId;

/**
 * Refused attempts limited twice: per id within a tenant (a gateway id at enrollment, a device id at the SMGW.Lite
 * door) and per client address, which several devices may share behind one NAT and so gets its own, higher limit. A
 * success forgets the id's failures, not the address's. Keys come from unauthenticated input: cut to
 * {@value #MAX_KEY_LENGTH} characters, at most {@value #MAX_KEYS} of each remembered ({@link FailureLimiter}).
 *
 * <p>Per platform node, in memory: behind a load balancer each node counts for itself.
 */
public final class IdAndAddressLimits {

    /** Most ids and most addresses remembered at once (each limiter). */
    public static final int MAX_KEYS = 10_000;
    /** Longest key kept. */
    static final int MAX_KEY_LENGTH = 100;

    private final FailureLimiter perId;
    private final FailureLimiter perAddress;

    /** @param window an ISO-8601 duration, e.g. {@code PT15M} */
    public IdAndAddressLimits(Clock clock, int maxPerId, int maxPerAddress, String window) {
        Duration w = Duration.parse(window.strip());
        perId = new FailureLimiter(clock, maxPerId, w, MAX_KEYS);
        perAddress = new FailureLimiter(clock, maxPerAddress, w, MAX_KEYS);
    }

    /**
     * Throws what {@code throttled} makes of the party that used up its failures ({@code "<idKind> <id>"} or
     * {@code "this address"}) and the time until it may try again; returns when neither has.
     */
    public void check(TenantId tenant, String idKind, String id, String address,
                      BiFunction<String, Duration, ? extends RuntimeException> throttled) {
        perId.blockedFor(idKey(tenant, id)).ifPresent(d -> {
            throw throttled.apply(idKind + " " + cut(id), d);
        });
        perAddress.blockedFor(cut(address)).ifPresent(d -> {
            throw throttled.apply("this address", d);
        });
    }

    /** A refused attempt that could have been a guess: counts for the id and the address. */
    public void failed(TenantId tenant, String id, String address) {
        perId.failed(idKey(tenant, id));
        perAddress.failed(cut(address));
    }

    /** A refused attempt without an id worth counting (an unknown tenant): counts for the address only. */
    public void failedAddress(String address) {
        perAddress.failed(cut(address));
    }

    /** An attempt that went through: the id's failures are forgotten (the address's are not). */
    public void succeeded(TenantId tenant, String id) {
        perId.succeeded(idKey(tenant, id));
    }

    /** How many ids are remembered now (never more than {@link #MAX_KEYS}). */
    public int idsRemembered() {
        return perId.size();
    }

    /** {@code s} cut to the longest key kept; "" for null. */
    public static String cut(String s) {
        return s == null ? "" : s.length() <= MAX_KEY_LENGTH ? s : s.substring(0, MAX_KEY_LENGTH);
    }

    private static String idKey(TenantId tenant, String id) {
        return cut(tenant + "/" + id);
    }
}
