package org.smgwlite.platform.metering.substitute;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * Makes substitute values (Ersatzwerte) for a household's gaps: on demand for a range an operator names, and day after
 * for every household of a tenant over the last {@value #DAY_AFTER_DAYS} local days (a gateway's late backlog may close
 * a gap days later). Each household is one transaction bound to the tenant ({@link SubstituteRun}); every run is
 * audited. Running twice makes nothing new.
 */
@Stateless
public class SubstituteService {

    private static final Logger LOG = Logger.getLogger(SubstituteService.class.getName());

    public static final int DAY_AFTER_DAYS = 35;
    /** Who made the day-after run's values. */
    public static final String DAY_AFTER_ACTOR = "platform:day-after";

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    AuditLog audit;

    /** The transaction's connection: Payara hands JPA and this DataSource the same one, tenant binding included. */
    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    SessionContext session;

    /**
     * Fills the gaps of household {@code householdId} that start on the local days [{@code from}, {@code toExclusive})
     * (at most a year, nothing in the future); unknown household: {@link NotFoundException}.
     */
    public SubstituteOutcome make(TenantId tenant, String actor, long householdId, LocalDate from, LocalDate toExclusive) {
        SubstituteRange range = SubstituteRange.of(from, toExclusive, LocalDate.now(SubstituteRun.ZONE));
        SubstituteOutcome outcome = household(tenant, actor, householdId, range);
        audit.success(tenant, actor, AuditAction.SUBSTITUTES_MADE, "household:" + householdId,
                describe(range, outcome));
        return outcome;
    }

    /** The day-after step for one tenant: every household, each in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SubstituteOutcome makeDayAfter(TenantId tenant) {
        SubstituteService self = session.getBusinessObject(SubstituteService.class);
        SubstituteRange range = SubstituteRange.dayAfter(LocalDate.now(SubstituteRun.ZONE), DAY_AFTER_DAYS);
        SubstituteOutcome total = SubstituteOutcome.NONE;
        int failed = 0;
        for (long householdId : self.householdIds(tenant)) {
            try {
                total = total.plus(self.household(tenant, DAY_AFTER_ACTOR, householdId, range));
            } catch (RuntimeException e) { // one household's trouble does not stop the tenant's run
                failed++;
                LOG.log(Level.WARNING, "substitute values of household " + householdId + " of " + tenant + " not made", e);
            }
        }
        audit.success(tenant, DAY_AFTER_ACTOR, AuditAction.SUBSTITUTES_MADE, "tenant:" + tenant.value(),
                describe(range, total) + (failed > 0 ? " failedHouseholds=" + failed : ""));
        return total;
    }

    /** The tenant's household ids, in a transaction of their own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> householdIds(TenantId tenant) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT h.id FROM Household h ORDER BY h.id", Long.class).getResultList();
        }
    }

    /** One household's run, in a transaction of its own (the day-after loop) or the caller's (on demand). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public SubstituteOutcome household(TenantId tenant, String actor, long householdId, SubstituteRange range) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            if (em.find(Household.class, householdId) == null) {
                throw new NotFoundException("household", householdId);
            }
            try (Connection c = dataSource.getConnection()) {
                return SubstituteRun.run(c, tenant, householdId, actor, range);
            } catch (SQLException e) {
                throw new IllegalStateException("substitute values of household " + householdId + " for " + range.from()
                        + " to " + range.toExclusive() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static String describe(SubstituteRange range, SubstituteOutcome outcome) {
        return "from=" + range.from() + " to=" + range.toExclusive() + " made=" + outcome.made() + " replaced="
                + outcome.replaced() + " gapsLeft=" + outcome.gapsLeft();
    }
}
