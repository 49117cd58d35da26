package org.smgwlite.platform.certificate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.smgwlite.pki.TenantId;

/**
 * Refused attempts limited twice: per id within a tenant (a gateway id at enrollment, a device id at the SMGW.Lite
 * door) and per client address, which several devices may share behind one NAT and so gets its own, higher limit. A
 * success forgets the id's failures, not the address's. Keys come from unauthenticated input: cut to
 * {@value #MAX_KEY_LENGTH} characters, at most {@value #MAX_KEYS} of each remembered ({@link FailureLimiter}).
 *
 * <p>Across the deployment group ({@link SharedFailureCounts}, in the database): the limits hold for the failures of
 * all nodes together, whichever node a balancer sends an attempt to. Each node's memory is the first line:
 * <ul>
 * <li>{@link #check}: a key this node knows to be blocked is refused from memory, without the database; otherwise one
 *     read of both keys' shared counts decides, and the node remembers what it read;</li>
 * <li>{@link #failed}: memory counts, then one upsert for both keys; the node remembers the group's new counts, so once
 *     the limit is reached, by this node alone or by all together, it refuses from memory until the window ends;</li>
 * <li>{@link #succeeded}: writes nothing unless the id had failures in an open window (the check read them): then its
 *     shared count is deleted.</li>
 * </ul>
 * So the database sees at most a read per attempt and a write per failure up to the limit, per key and window. A
 * database that cannot be reached is the store's exception (a 503), never an attempt let through or refused for it.
 */
public final class IdAndAddressLimits {

    /** Most ids and most addresses remembered at once (each limiter). */
    public static final int MAX_KEYS = 10_000;
    /** Longest key kept. */
    static final int MAX_KEY_LENGTH = 100;

    private final FailureLimiter perId;
    private final FailureLimiter perAddress;
    private final Clock clock;
    private final Duration window;
    private final String idKind;
    private final String idScope;
    private final String addressScope;
    private final SharedFailureCounts shared;

    /**
     * @param scope  the door, named in the shared counts as {@code <scope>-<idKind>} and {@code <scope>-address}
     * @param idKind what the id is ({@code gateway}, {@code device}), as a refusal names it
     * @param window an ISO-8601 duration, e.g. {@code PT15M}
     */
    public IdAndAddressLimits(Clock clock, String scope, String idKind, int maxPerId, int maxPerAddress, String window,
                              SharedFailureCounts shared) {
        this.clock = clock;
        this.window = Duration.parse(window.strip());
        this.idKind = idKind;
        this.idScope = scope + "-" + idKind;
        this.addressScope = scope + "-address";
        this.shared = shared;
        perId = new FailureLimiter(clock, maxPerId, this.window, MAX_KEYS);
        perAddress = new FailureLimiter(clock, maxPerAddress, this.window, MAX_KEYS);
    }

    /**
     * Throws what {@code throttled} makes of the party that used up its failures ({@code "<idKind> <id>"} or
     * {@code "this address"}) and the time until it may try again; returns when neither has.
     */
    public void check(TenantId tenant, String id, String address,
                      BiFunction<String, Duration, ? extends RuntimeException> throttled) {
        String idKey = idKey(tenant, id);
        String addressKey = cut(address);
        refuseIfBlocked(id, idKey, addressKey, throttled);
        adopt(shared.read(List.of(idShared(idKey), addressShared(addressKey)), clock.instant()), idKey, addressKey);
        refuseIfBlocked(id, idKey, addressKey, throttled);
    }

    /** A refused attempt that could have been a guess: counts for the id and the address. */
    public void failed(TenantId tenant, String id, String address) {
        String idKey = idKey(tenant, id);
        String addressKey = cut(address);
        perId.failed(idKey);
        perAddress.failed(addressKey);
        List<SharedFailureCounts.Key> both = List.of(idShared(idKey), addressShared(addressKey));
        adopt(shared.record(both, clock.instant(), window), idKey, addressKey);
    }

    /** A refused attempt without an id worth counting (an unknown tenant): counts for the address only. */
    public void failedAddress(String address) {
        String addressKey = cut(address);
        perAddress.failed(addressKey);
        adopt(shared.record(List.of(addressShared(addressKey)), clock.instant(), window), null, addressKey);
    }

    /** An attempt that went through: the id's failures are forgotten (the address's are not). */
    public void succeeded(TenantId tenant, String id) {
        String idKey = idKey(tenant, id);
        if (perId.succeeded(idKey)) {
            shared.forget(idShared(idKey));
        }
    }

    /** How many ids are remembered now (never more than {@link #MAX_KEYS}). */
    public int idsRemembered() {
        return perId.size();
    }

    /** {@code s} cut to the longest key kept; "" for null. */
    public static String cut(String s) {
        return s == null ? "" : s.length() <= MAX_KEY_LENGTH ? s : s.substring(0, MAX_KEY_LENGTH);
    }

    private void refuseIfBlocked(String id, String idKey, String addressKey,
                                 BiFunction<String, Duration, ? extends RuntimeException> throttled) {
        perId.blockedFor(idKey).ifPresent(d -> {
            throw throttled.apply(idKind + " " + cut(id), d);
        });
        perAddress.blockedFor(addressKey).ifPresent(d -> {
            throw throttled.apply("this address", d);
        });
    }

    private void adopt(Map<SharedFailureCounts.Key, SharedFailureCounts.Count> counts, String idKey,
                       String addressKey) {
        if (idKey != null) {
            adopt(perId, counts.get(idShared(idKey)), idKey);
        }
        adopt(perAddress, counts.get(addressShared(addressKey)), addressKey);
    }

    private static void adopt(FailureLimiter limiter, SharedFailureCounts.Count count, String key) {
        if (count != null) {
            limiter.adopt(key, count.failures(), count.windowEnd());
        }
    }

    private SharedFailureCounts.Key idShared(String idKey) {
        return new SharedFailureCounts.Key(idScope, idKey);
    }

    private SharedFailureCounts.Key addressShared(String addressKey) {
        return new SharedFailureCounts.Key(addressScope, addressKey);
    }

    private static String idKey(TenantId tenant, String id) {
        return cut(tenant + "/" + id);
    }
}
