package org.smgwlite.platform.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.tenant.Tenant;

/**
 * The shape of the platform's nightly jobs: one step per tenant, in turn, each in transactions of its own; a tenant
 * whose step fails is logged and the next one runs, and the job's result is {@code FAILED} naming it.
 */
public final class TenantByTenant {

    private static final Logger LOG = Logger.getLogger(TenantByTenant.class.getName());

    private TenantByTenant() {
    }

    /**
     * @param what  the job's work, for the log and the result ("substitute values")
     * @param unit  what {@code step} counts ("values made")
     * @param step  one tenant's work; returns how many {@code unit} it did
     */
    public static JobResult run(List<Tenant> tenants, String what, String unit, ToLongFunction<TenantId> step) {
        List<String> failed = new ArrayList<>();
        long total = 0;
        for (Tenant tenant : tenants) {
            try {
                total += step.applyAsLong(tenant.id());
            } catch (RuntimeException e) {
                failed.add(tenant.id().value());
                LOG.log(Level.WARNING, what + " of tenant " + tenant.id() + " failed", e);
            }
        }
        return JobResult.of(!failed.isEmpty(), total + " " + unit + " in " + tenants.size() + " tenants"
                + (failed.isEmpty() ? "" : ", failed for " + failed));
    }
}
