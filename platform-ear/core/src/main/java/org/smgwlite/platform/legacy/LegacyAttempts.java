package org.smgwlite.platform.legacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.ClusterFailureCounts;
import org.smgwlite.platform.certificate.IdAndAddressLimits;
import org.smgwlite.platform.certificate.SharedFailureCounts;

/**
 * The abuse rule of the SMGW.Lite door, where a token is the only credential: refused requests are limited per device
 * id of a tenant and per client address (several gateways may share one NAT, so that limit is higher), after which
 * every request is refused with a retry time until the window closes, before the device is looked up. Refusals are
 * counted and logged sparsely, not audited one by one (the audit log is per tenant and must not be floodable).
 *
 * <p>Across the deployment group: the limits hold for the refusals all nodes saw together, counted in the database
 * ({@link ClusterFailureCounts}, outside the request's transaction, so that a refusal's rollback keeps its count), with
 * each node's memory as the first line ({@link IdAndAddressLimits}): a party this node knows to be throttled is refused
 * without a database call, and an authenticated request writes nothing unless its device id had refusals. A database
 * that cannot be reached while checking or counting is answered 503, as any outage.
 */
@ApplicationScoped
public class LegacyAttempts {

    private static final Logger LOG = Logger.getLogger(LegacyAttempts.class.getName());

    @Inject
    @ConfigProperty(name = "smgw.legacy.max-failures-per-device", defaultValue = "10")
    int maxPerDevice;

    @Inject
    @ConfigProperty(name = "smgw.legacy.max-failures-per-address", defaultValue = "100")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "smgw.legacy.failure-window", defaultValue = "PT15M")
    String window;

    /** The owner's reverse proxies, comma-separated: their {@code X-Forwarded-For} names the gateway's address. */
    @Inject
    @ConfigProperty(name = "smgw.legacy.trusted-proxies")
    Optional<String> trustedProxies = Optional.empty();

    /** The group's counts; {@link SharedFailureCounts#NONE} leaves each node to its own memory. */
    @Inject
    SharedFailureCounts shared = SharedFailureCounts.NONE;

    private IdAndAddressLimits limits;
    private final AtomicLong refusals = new AtomicLong();

    /** For CDI. */
    public LegacyAttempts() {
    }

    /** Limits of this node alone (its memory). */
    LegacyAttempts(Clock clock, int maxPerDevice, int maxPerAddress, Duration window) {
        this(clock, maxPerDevice, maxPerAddress, window, SharedFailureCounts.NONE);
    }

    LegacyAttempts(Clock clock, int maxPerDevice, int maxPerAddress, Duration window, SharedFailureCounts shared) {
        this.shared = shared;
        this.maxPerDevice = maxPerDevice;
        this.maxPerAddress = maxPerAddress;
        this.window = window.toString();
        start(clock);
    }

    @PostConstruct
    void start() {
        start(Clock.systemUTC());
    }

    private void start(Clock clock) {
        limits = new IdAndAddressLimits(clock, "legacy", "device", maxPerDevice, maxPerAddress, window, shared);
    }

    /** {@code smgw.legacy.trusted-proxies} as configured, null for none. */
    public String trustedProxies() {
        return trustedProxies.orElse(null);
    }

    /** @throws LegacyThrottledException if the device id or the address has used up its failures */
    public void check(TenantId tenant, String deviceId, String address) {
        limits.check(tenant, deviceId, address, LegacyThrottledException::new);
    }

    /** A request refused for its id or token. */
    public void failed(TenantId tenant, String deviceId, String address) {
        limits.failed(tenant, deviceId, address);
        long n = refusals.incrementAndGet();
        if (n > 0 && (n & (n - 1)) == 0) {
            LOG.warning("SMGW.Lite request for device '" + cut(deviceId) + "' of tenant '" + cut(String.valueOf(tenant))
                    + "' from " + cut(address) + " refused (id or token); " + n + " such refusals since start");
        }
    }

    /** An authenticated request: the device id's failures are forgotten (the address's are not). */
    public void succeeded(TenantId tenant, String deviceId) {
        limits.succeeded(tenant, deviceId);
    }

    private static String cut(String s) {
        return IdAndAddressLimits.cut(s);
    }
}
