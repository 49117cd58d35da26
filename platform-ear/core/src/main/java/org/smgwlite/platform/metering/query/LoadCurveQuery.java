package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.smgwlite.pki.TenantId;

/**
 * Reads a curve from the day rows of {@code meter_reading_day} (V6/V8: one row per register and UTC day, the
 * day's values packed in one bytea, kept by triggers on {@code meter_reading}) straight into slot-indexed
 * arrays: a year is 2 x 366 rows instead of 2 x 35,041, no object per value. Values of the first and last UTC day
 * outside the range are left out by {@link SeriesBuilder}. Gaps the ingestion recorded come from a second, small query,
 * the current substitute values (Ersatzwerte, {@code substitute_value}) from a third; a true reading always wins.
 * Callers own the connection and its tenant binding ({@link LoadCurveService}); the benchmark harness calls
 * this directly and compares it with {@link #READINGS_SQL}, the same values as rows of the record table.
 */
public final class LoadCurveQuery {

    static final String DAYS_SQL = """
            SELECT obis, unit, day, readings
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

    /**
     * Whether substitute value {@code s} rests on a legacy reading: one of its gap's bounds (the true readings it was
     * made from, V15's bound_from / bound_to) came through the SMGW.Lite door. Two primary-key probes per substitute.
     */
    public static final String SUBSTITUTE_LEGACY = """
            EXISTS (SELECT 1 FROM meter_reading m
                     WHERE m.tenant_id = s.tenant_id AND m.household_id = s.household_id AND m.obis = s.obis
                       AND m.slot_start IN (s.bound_from, s.bound_to) AND m.origin = 'legacy')""";

    static final String GAPS_SQL = """
            SELECT obis, extract(epoch FROM slot_start)::bigint, reason
              FROM reading_gap
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?)
               AND slot_start >= ? AND slot_start <= ?
               AND filled_batch_id IS NULL""";

    /**
     * The current substitute values of the range (V15): a gap's slots only, so few rows; a true reading still wins.
     * The last column: whether one of the two true readings the value was made from (its gap's bounds) is legacy.
     */
    static final String SUBSTITUTES_SQL = """
            SELECT s.obis, extract(epoch FROM s.slot_start)::bigint, s.value_unscaled, s.scaler, s.unit, s.method,
                   """ + SUBSTITUTE_LEGACY + """

              FROM substitute_value s
             WHERE s.tenant_id = ? AND s.household_id = ? AND s.obis IN (?, ?)
               AND s.slot_start >= ? AND s.slot_start <= ?
               AND s.replaced_at IS NULL""";

    /** Kind bit 0 of a packed reading: the value follows as text (else as int8). */
    static final int KIND_TEXT = 1;
    /** Kind bit 1 of a packed reading: the reading came through the legacy door ({@code origin = 'legacy'}). */
    static final int KIND_LEGACY = 2;
    private static final int KIND_BITS = KIND_TEXT | KIND_LEGACY;

    private LoadCurveQuery() {
    }

    /**
     * The curve of {@code householdId} over {@code range}, including the reading that closes the last interval, with
     * every interval due (the record as it is).
     */
    public static LoadCurve run(Connection c, TenantId tenant, long householdId,
                                CurveRange range) throws SQLException {
        return run(c, tenant, householdId, range, ExpectedSlots.ALL);
    }

    /** The curve, counting as missing only the intervals {@code expected} says are due. */
    public static LoadCurve run(Connection c, TenantId tenant, long householdId,
                                CurveRange range, ExpectedSlots expected) throws SQLException {
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
                    unpack(rs.getObject(3, LocalDate.class), rs.getString(2), rs.getBytes(4), target);
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
        try (PreparedStatement ps = prepare(c, SUBSTITUTES_SQL, tenant.value(), householdId, range);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(1)) ? imports : exports;
                // made from a register's own readings: an integer that fits a long as they do
                target.substitute(rs.getLong(2), rs.getBigDecimal(3).longValueExact(), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7));
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
        return LoadCurveCalculator.curve(range, imports.build(), exports.build(), expected);
    }

    /**
     * The readings of one day row into {@code target} (slots outside its range are ignored there). The format is
     * V19's {@code meter_reading_pack}: per reading int4 seconds into the UTC day, int1 kind (bit 0 the value's form,
     * bit 1 its origin: set for legacy), the unscaled value (form 0: int8; form 1: int2 length and the decimal digits
     * in ASCII), int2 scaler, int2 PTB level; big-endian. Kinds 0 and 1 are V8's, so rows written before V19 read as
     * signed.
     */
    public static void unpack(LocalDate day, String unit, byte[] readings, SeriesBuilder target) {
        long dayStart = day.toEpochDay() * 86_400;
        ByteBuffer b = ByteBuffer.wrap(readings);
        try {
            while (b.hasRemaining()) {
                long at = dayStart + b.getInt();
                byte kind = b.get();
                if ((kind & ~KIND_BITS) != 0) {
                    throw new IllegalStateException("value kind " + kind + " at byte " + (b.position() - 1));
                }
                boolean legacy = (kind & KIND_LEGACY) != 0;
                if ((kind & KIND_TEXT) == 0) {
                    long unscaled = b.getLong();
                    target.reading(at, unscaled, b.getShort(), unit, b.getShort(), legacy);
                } else {
                    byte[] digits = new byte[b.getShort()];
                    b.get(digits);
                    BigDecimal unscaled = new BigDecimal(new String(digits, StandardCharsets.US_ASCII));
                    target.reading(at, unscaled, b.getShort(), unit, b.getShort(), legacy);
                }
            }
        } catch (BufferUnderflowException | IllegalStateException | NumberFormatException e) {
            throw new IllegalStateException("day row " + day + " (" + unit + ") of meter_reading_day is not in the V19 format: "
                    + e, e);
        }
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
