package org.smgwlite.platform.metering.substitute;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The day-after run: every night, after the gateways' day-after uploads, each tenant's gaps of the recent weeks get
 * their substitute values ({@link SubstituteService#makeDayAfter}), tenant by tenant, each household in a transaction
 * bound to its tenant. A tenant that fails is logged and the next one runs.
 */
@Singleton
public class SubstituteTimer {

    private static final Logger LOG = Logger.getLogger(SubstituteTimer.class.getName());

    @Inject
    TenantService tenants;

    @Inject
    SubstituteService substitutes;

    @Schedule(hour = "4", minute = "23", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void dayAfter() {
        for (Tenant tenant : tenants.list()) {
            try {
                SubstituteOutcome outcome = substitutes.makeDayAfter(tenant.id());
                LOG.info(() -> "substitute values of " + tenant.id() + ": " + outcome);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "substitute values of tenant " + tenant.id() + " not made", e);
            }
        }
    }
}
