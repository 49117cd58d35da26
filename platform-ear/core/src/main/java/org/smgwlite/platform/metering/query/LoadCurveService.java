package org.smgwlite.platform.metering.query;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A household's load curve for a range, for a viewer allowed to see it. The reading is
 * {@link LoadCurveQuery}'s; the transaction is tenant-bound first, so row-level security applies to
 * its native SQL too (Payara hands the same connection to JPA and to this DataSource in one
 * transaction).
 */
@Stateless
public class LoadCurveService {

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /**
     * The curve of household {@code householdId} over {@code range}. A household that is not the
     * viewer's (or not in the tenant) is reported as not found, like a missing one.
     */
    public LoadCurve curve(TenantId tenant, Viewer viewer, long householdId, CurveRange range) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            requireVisible(em, viewer, householdId);
            try (Connection c = dataSource.getConnection()) {
                return LoadCurveQuery.run(c, tenant, householdId, range);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the load curve of household " + householdId
                        + " for " + range.first() + " to " + range.endExclusive() + " failed: " + e.getMessage(), e);
            }
        }
    }

    static void requireVisible(EntityManager em, Viewer viewer, long householdId) {
        Household household = em.find(Household.class, householdId);
        if (household == null || !(viewer.operator() || Objects.equals(household.viewerUsername(), viewer.username()))) {
            throw new NotFoundException("household", householdId);
        }
    }
}
