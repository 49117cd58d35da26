package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.smgwlite.platform.shared.TenantId;

/**
 * Reads a curve from the day rows of {@code meter_reading_day} (V6: one row per register and UTC day, the
 * day's values as parallel arrays, kept by triggers on {@code meter_reading}) straight into slot-indexed
 * arrays: a year is 2 x 366 rows instead of 2 x 35,041, no entity per value. Values of the first and last UTC day
 * outside the range are left out by {@link SeriesBuilder}. Gaps the ingestion recorded come from a second, small query.
 * Callers own the connection and its tenant binding ({@link LoadCurveService}); the benchmark harness calls
 * this directly and compares it with {@link #READINGS_SQL}, the same values as rows of the record table.
 */
public final class LoadCurveQuery {

    static final String DAYS_SQL = """
            SELECT obis, unit, epochs, unscaled, scalers, ptb_levels
              FROM meter_reading_day
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?)
               AND day >= ? AND day <= ?""";

    /** Whether the meter has ever reported import, and export (any day, not only the range). */
    static final String METERED_SQL = """
            SELECT EXISTS (SELECT 1 FROM meter_reading_day WHERE tenant_id = ? AND household_id = ? AND obis = ?),
                   EXISTS (SELECT 1 FROM meter_reading_day WHERE tenant_id = ? AND household_id = ? AND obis = ?)""";

    /** The same values as rows of {@code meter_reading}, the record: the benchmark's bare query. */
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
        try (PreparedStatement ps = c.prepareStatement(DAYS_SQL)) {
            ps.setString(1, tenant.value());
            ps.setLong(2, householdId);
            ps.setString(3, Register.IMPORT.obis());
            ps.setString(4, Register.EXPORT.obis());
            ps.setObject(5, LocalDate.ofInstant(range.from(), ZoneOffset.UTC));
            ps.setObject(6, LocalDate.ofInstant(range.to(), ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(1)) ? imports : exports;
                    String unit = rs.getString(2);
                    Object[] epochs = (Object[]) rs.getArray(3).getArray();
                    Object[] unscaled = (Object[]) rs.getArray(4).getArray();
                    Object[] scalers = (Object[]) rs.getArray(5).getArray();
                    Object[] ptbLevels = (Object[]) rs.getArray(6).getArray();
                    for (int i = 0; i < epochs.length; i++) { // slots outside the range are ignored by the builder
                        target.reading(((Number) epochs[i]).longValue(), (BigDecimal) unscaled[i],
                                ((Number) scalers[i]).intValue(), unit, ((Number) ptbLevels[i]).intValue());
                    }
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
        try (PreparedStatement ps = c.prepareStatement(METERED_SQL)) {
            ps.setString(1, tenant.value());
            ps.setLong(2, householdId);
            ps.setString(3, Register.IMPORT.obis());
            ps.setString(4, tenant.value());
            ps.setLong(5, householdId);
            ps.setString(6, Register.EXPORT.obis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // every meter has an import register; one that reports it but has never reported export has none
                if (rs.getBoolean(1) && !rs.getBoolean(2)) {
                    exports.notMetered();
                }
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
