package org.smgwlite.platform.metering.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.smgwlite.platform.shared.TenantId;

/**
 * Reads a curve with one SQL query for both registers in primary-key order, streamed (fetch size)
 * straight into slot-indexed arrays: a year is 2 x 35,041 rows, no entity per row. Gaps the
 * ingestion recorded come from a second, small query. Callers own the connection and its
 * tenant binding ({@link LoadCurveService}); the benchmark harness calls this directly.
 */
public final class LoadCurveQuery {

    public static final String READINGS_SQL = """
            SELECT obis, extract(epoch FROM slot_start)::bigint, value_unscaled, scaler, unit, ptb_level
              FROM meter_reading
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?)
               AND slot_start >= ? AND slot_start <= ?
             ORDER BY obis, slot_start""";

    static final String GAPS_SQL = """
            SELECT obis, extract(epoch FROM slot_start)::bigint, reason
              FROM reading_gap
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?)
               AND slot_start >= ? AND slot_start <= ?
               AND filled_batch_id IS NULL""";

    private LoadCurveQuery() {
    }

    /** The curve of {@code householdId} over {@code range}, including the reading that closes the last interval. */
    public static LoadCurve run(Connection c, TenantId tenant, long householdId,
                                CurveRange range) throws SQLException {
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, range.from(), range.slotCount());
        try (PreparedStatement ps = prepare(c, READINGS_SQL, tenant.value(), householdId, range)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(1)) ? imports : exports;
                    target.reading(rs.getLong(2), rs.getBigDecimal(3), rs.getInt(4), rs.getString(5), rs.getInt(6));
                }
            }
        }
        try (PreparedStatement ps = prepare(c, GAPS_SQL, tenant.value(), householdId, range);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(1)) ? imports : exports;
                target.gap(rs.getLong(2), rs.getString(3));
            }
        }
        return LoadCurveCalculator.curve(range, imports.build(), exports.build());
    }

    /** {@code sql} with its six parameters bound: tenant, household, both OBIS codes, range start and end slot. */
    public static PreparedStatement prepare(Connection c, String sql, String tenant, long householdId, CurveRange range)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, tenant);
        ps.setLong(2, householdId);
        ps.setString(3, Register.IMPORT.obis());
        ps.setString(4, Register.EXPORT.obis());
        ps.setObject(5, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
        ps.setObject(6, OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
        return ps;
    }
}
