package org.smgwlite.platform.metering.query;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A household's load curve, daily energy and newest readings, for a viewer allowed to see them. The reading is
 * {@link LoadCurveQuery}'s and {@link LatestReadingQuery}'s; the transaction is tenant-bound first, so row-level
 * security applies to their native SQL too (Payara hands the same connection to JPA and to this DataSource in one
 * transaction). Every method applies the same rule: a household that is not the viewer's (or not in the tenant) is
 * reported as not found, like a missing one.
 */
@Stateless
public class LoadCurveService {

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The JDBC part of a read, run on the tenant-bound connection. */
    @FunctionalInterface
    interface Read<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * The curve of household {@code householdId} over {@code range}. Quarter hours that are not due yet (after now,
     * or after the newest reading when the range is the current period: {@link ExpectedSlots}) are pending, never
     * counted as missing.
     */
    public LoadCurve curve(TenantId tenant, Viewer viewer, long householdId, CurveRange range) {
        Instant now = Instant.now();
        return read(tenant, viewer, householdId, "the load curve for " + range.first() + " to " + range.endExclusive(),
                c -> LoadCurveQuery.run(c, tenant, householdId, range, expected(c, tenant, householdId, range, now)));
    }

    /**
     * Energy per day over {@code range} next to the comparison period before it ({@link ComparisonPeriod}), with the
     * same due rule as {@link #curve}.
     */
    public DailyEnergy dailyEnergy(TenantId tenant, Viewer viewer, long householdId, CurveRange range) {
        Instant now = Instant.now();
        CurveRange previous = ComparisonPeriod.before(range);
        return read(tenant, viewer, householdId, "the daily energy for " + range.first() + " to " + range.endExclusive(),
                c -> new DailyEnergy(
                        range, LoadCurveQuery.run(c, tenant, householdId, range,
                                expected(c, tenant, householdId, range, now)).daily(),
                        previous, LoadCurveQuery.run(c, tenant, householdId, previous,
                                expected(c, tenant, householdId, previous, now)).daily()));
    }

    /**
     * The fine lines of {@code range} (the day view; at most {@link HighResolutionQuery#MAX_DAYS} days): the mean power
     * between high-resolution readings of an SMGW.Lite gateway and the quarter-hour values next to them.
     */
    public HighResolution highResolution(TenantId tenant, Viewer viewer, long householdId, CurveRange range) {
        return read(tenant, viewer, householdId, "the high-resolution readings for " + range.first() + " to "
                + range.endExclusive(), c -> HighResolutionQuery.run(c, tenant, householdId, range));
    }

    /** The newest reading of each register the household's meter reports, with when its batch arrived. */
    public List<LatestReading> latestReadings(TenantId tenant, Viewer viewer, long householdId) {
        return read(tenant, viewer, householdId, "the latest readings",
                c -> LatestReadingQuery.run(c, tenant, householdId));
    }

    /** The range a page opens on for {@code span}: the one holding the last complete day ({@link OpeningPeriod}). */
    public CurveRange openingRange(TenantId tenant, Viewer viewer, long householdId, CurveRange.Span span) {
        Instant now = Instant.now();
        return read(tenant, viewer, householdId, "the newest reading",
                c -> OpeningPeriod.of(span, LatestReadingQuery.newest(LatestReadingQuery.run(c, tenant, householdId)),
                        now, CurveRange.BERLIN));
    }

    /**
     * The household when {@code viewer} may see it, under the same rule as every read here: for a caller that must
     * fail with 404 before it starts streaming an export.
     */
    public Household household(TenantId tenant, Viewer viewer, long householdId) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return requireVisible(em, viewer, householdId);
        }
    }

    private <T> T read(TenantId tenant, Viewer viewer, long householdId, String what, Read<T> read) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            requireVisible(em, viewer, householdId);
            try (Connection c = dataSource.getConnection()) {
                return read.on(c);
            } catch (SQLException e) {
                throw new IllegalStateException("reading " + what + " of household " + householdId + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The due rule for {@code range}; the newest reading is read only when the range is the current period. */
    private static ExpectedSlots expected(Connection c, TenantId tenant, long householdId, CurveRange range, Instant now)
            throws SQLException {
        Optional<Instant> newest = range.contains(now)
                ? LatestReadingQuery.newest(LatestReadingQuery.run(c, tenant, householdId))
                : Optional.empty();
        return ExpectedSlots.of(range, now, newest);
    }

    static Household requireVisible(EntityManager em, Viewer viewer, long householdId) {
        Household household = em.find(Household.class, householdId);
        if (household == null || !(viewer.operator() || Objects.equals(household.viewerUsername(), viewer.username()))) {
            throw new NotFoundException("household", householdId);
        }
        return household;
    }
}
