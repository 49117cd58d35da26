package org.smgwlite.platform.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.pki.TenantId;

/**
 * The abuse rules of first enrollment, the one request on the platform that needs no certificate: failed attempts
 * (a code not accepted, used up or expired; an unknown tenant) are limited per gateway id and per source address,
 * after which every attempt is refused with a retry time until the window closes. Attempts for unknown tenants write
 * no audit row each (the audit log is per tenant and must not be floodable); they are counted and logged sparsely.
 *
 * <p>Across the deployment group: the limits hold for the failures all nodes saw together, counted in the database
 * ({@link ClusterFailureCounts}), with each node's memory as the first line ({@link IdAndAddressLimits}): a party this
 * node knows to be throttled is refused without a database call, and a success writes nothing unless the gateway id
 * had failures. A database that cannot be reached while checking or counting is answered 503, as any outage.
 */
@ApplicationScoped
public class EnrollmentAttempts {

    private static final Logger LOG = Logger.getLogger(EnrollmentAttempts.class.getName());
    @Inject
    @ConfigProperty(name = "smgw.enrollment.max-failures-per-gateway", defaultValue = "5")
    int maxPerGateway;

    @Inject
    @ConfigProperty(name = "smgw.enrollment.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "smgw.enrollment.failure-window", defaultValue = "PT15M")
    String window;

    /** The group's counts; {@link SharedFailureCounts#NONE} leaves each node to its own memory. */
    @Inject
    SharedFailureCounts shared = SharedFailureCounts.NONE;

    private IdAndAddressLimits limits;
    private final AtomicLong unknownTenants = new AtomicLong();

    /** For CDI. */
    public EnrollmentAttempts() {
    }

    /** Limits of this node alone (its memory). */
    EnrollmentAttempts(Clock clock, int maxPerGateway, int maxPerAddress, Duration window) {
        this(clock, maxPerGateway, maxPerAddress, window, SharedFailureCounts.NONE);
    }

    EnrollmentAttempts(Clock clock, int maxPerGateway, int maxPerAddress, Duration window, SharedFailureCounts shared) {
        this.shared = shared;
        this.maxPerGateway = maxPerGateway;
        this.maxPerAddress = maxPerAddress;
        this.window = window.toString();
        start(clock);
    }

    @PostConstruct
    void start() {
        start(Clock.systemUTC());
    }

    private void start(Clock clock) {
        limits = new IdAndAddressLimits(clock, "enrollment", "gateway", maxPerGateway, maxPerAddress, window, shared);
    }

    /** @throws EnrollmentThrottledException if the gateway id or the address has used up its failures */
    public void check(TenantId tenant, String gatewayId, String address) {
        limits.check(tenant, gatewayId, address, EnrollmentThrottledException::new);
    }

    /** A refused attempt that could have been a guess (code, gateway id). */
    public void failed(TenantId tenant, String gatewayId, String address) {
        limits.failed(tenant, gatewayId, address);
    }

    /** An enrollment that went through: the gateway id's failures are forgotten (the address's are not). */
    public void succeeded(TenantId tenant, String gatewayId) {
        limits.succeeded(tenant, gatewayId);
    }

    /** An attempt for a tenant that does not exist: counts against the address, logged at 1, 2, 4, 8, ... */
    public void unknownTenant(TenantId tenant, String address) {
        limits.failedAddress(address);
        long n = unknownTenants.incrementAndGet();
        if (worthLogging(n)) {
            LOG.warning("EST request for unknown tenant '" + IdAndAddressLimits.cut(String.valueOf(tenant)) + "' from "
                    + IdAndAddressLimits.cut(address)
                    + " refused; " + n + " such refusals since start (not written to the audit log)");
        }
    }

    /** Powers of two: a flood leaves a few dozen log lines, not one per request. */
    static boolean worthLogging(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }
}
