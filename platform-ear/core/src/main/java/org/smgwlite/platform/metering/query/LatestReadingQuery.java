package org.smgwlite.platform.metering.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;

/**
 * The newest reading of each curve register of a household, with its batch's arrival. One statement per register:
 * {@code ORDER BY slot_start DESC LIMIT 1} on {@code meter_reading}'s primary key (tenant, household, obis,
 * slot_start) is a backward index probe per monthly partition, never a scan of the household's readings. Callers own
 * the connection and its tenant binding ({@link LoadCurveService}).
 */
final class LatestReadingQuery {

    static final String SQL = """
            SELECT r.slot_start, r.value_unscaled, r.scaler, r.unit, b.received_at
              FROM meter_reading r
              JOIN reading_batch b ON b.id = r.batch_id
             WHERE r.tenant_id = ? AND r.household_id = ? AND r.obis = ?
             ORDER BY r.slot_start DESC
             LIMIT 1""";

    private LatestReadingQuery() {
    }

    /** The newest reading per register the household's meter has reported (none for a register it never sent). */
    static List<LatestReading> run(Connection c, TenantId tenant, long householdId) throws SQLException {
        List<LatestReading> latest = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (Register register : Register.values()) {
                ps.setString(1, tenant.value());
                ps.setLong(2, householdId);
                ps.setString(3, register.obis());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        latest.add(new LatestReading(register,
                                rs.getBigDecimal(2).scaleByPowerOfTen(rs.getInt(3)), rs.getString(4),
                                rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        }
        return latest;
    }

    /** The slot of the newest reading of any register. */
    static Optional<Instant> newest(List<LatestReading> latest) {
        return latest.stream().map(LatestReading::slotStart).max(Comparator.naturalOrder());
    }
}
