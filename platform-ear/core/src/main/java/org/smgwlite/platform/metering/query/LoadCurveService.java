package org.smgwlite.platform.metering.query;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.shared.TenantId;

/**
 * A household's load curve for a range. One SQL query per range reads both registers in index
 * order straight into slot-indexed arrays (a year is 2 x 35,041 rows); the interval arithmetic is
 * {@link SeriesBuilder}'s and {@link LoadCurveCalculator}'s. The transaction is tenant-bound, so
 * row-level security applies to this native SQL too.
 */
@Stateless
public class LoadCurveService {

    static final String READINGS_SQL = """
            SELECT obis, extract(epoch FROM slot_start)::bigint, value_unscaled, scaler, unit, ptb_level
              FROM meter_reading
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?)
               AND slot_start >= ? AND slot_start <= ?
             ORDER BY obis, slot_start""";

    static final String GAPS_SQL = """
            SELECT obis, extract(epoch FROM slot_start)::bigint, reason
              FROM reading_gap
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?)
               AND slot_start >= ? AND slot_start <= ?""";

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
            SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
            SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, range.from(), range.slotCount());
            read(tenant, householdId, range.from(), range.to(), imports, exports);
            return LoadCurveCalculator.curve(range, imports.build(), exports.build());
        }
    }

    static void requireVisible(EntityManager em, Viewer viewer, long householdId) {
        Household household = em.find(Household.class, householdId);
        if (household == null || !(viewer.operator() || Objects.equals(household.viewerUsername(), viewer.username()))) {
            throw new NotFoundException("household", householdId);
        }
    }

    private void read(TenantId tenant, long householdId, Instant from, Instant to,
                      SeriesBuilder imports, SeriesBuilder exports) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = prepare(c, READINGS_SQL, tenant, householdId, from, to)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(1)) ? imports : exports;
                        target.reading(rs.getLong(2), rs.getBigDecimal(3), rs.getInt(4), rs.getString(5), rs.getInt(6));
                    }
                }
            }
            try (PreparedStatement ps = prepare(c, GAPS_SQL, tenant, householdId, from, to);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(1)) ? imports : exports;
                    target.gap(rs.getLong(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the load curve of household " + householdId
                    + " from " + from + " to " + to + " failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, TenantId tenant, long householdId,
                                             Instant from, Instant to) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, tenant.value());
        ps.setLong(2, householdId);
        ps.setString(3, Register.IMPORT.obis());
        ps.setString(4, Register.EXPORT.obis());
        ps.setObject(5, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        ps.setObject(6, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        return ps;
    }
}
