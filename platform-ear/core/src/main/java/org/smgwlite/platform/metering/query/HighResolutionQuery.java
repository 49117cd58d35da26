package org.smgwlite.platform.metering.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Reads a household's fine lines ({@link HighResolution}) for a range of at most {@link #MAX_DAYS} days: the
 * high-resolution readings of {@code meter_reading_hires} (V18) merged with the quarter-hour values of
 * {@code meter_reading} in time order, both read exact (unscaled value as text, scaler, unit to Wh). A day is about a
 * hundred quarter-hour rows and up to 86,400 readings per register (TAF 14 every second); the answer holds at most
 * {@link #MAX_POINTS_PER_DAY} chart points per register and day ({@link HighResolutionSteps#thin}). A value whose unit
 * is not energy is left out. Callers own the connection and its tenant binding ({@link LoadCurveService}), so
 * row-level security applies.
 */
public final class HighResolutionQuery {

    /** Longest range: the day view's day (25 hours on the autumn DST day) and the day next to it. */
    public static final int MAX_DAYS = 2;
    /** Chart points per register and day of the range: one per 30 s on average. */
    public static final int MAX_POINTS_PER_DAY = 2_880;

    static final String SQL = """
            SELECT obis, CAST(extract(epoch FROM slot_start) AS bigint), CAST(value_unscaled AS text), scaler, unit, false
              FROM meter_reading
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?) AND slot_start >= ? AND slot_start <= ?
            UNION ALL
            SELECT obis, CAST(extract(epoch FROM read_at) AS bigint), CAST(value_unscaled AS text), scaler, unit, true
              FROM meter_reading_hires
             WHERE tenant_id = ? AND household_id = ? AND obis IN (?, ?) AND read_at >= ? AND read_at <= ?
             ORDER BY 2, 6""";

    private HighResolutionQuery() {
    }

    /** The fine lines of {@code householdId} over {@code range}, both ends included. */
    public static HighResolution run(Connection c, TenantId tenant, long householdId, CurveRange range) throws SQLException {
        long days = ChronoUnit.DAYS.between(range.first(), range.endExclusive());
        if (days > MAX_DAYS) {
            throw new InvalidInputException("range", "high-resolution readings are shown for at most " + MAX_DAYS
                    + " days, was " + days);
        }
        Map<Register, List<RegisterPoint>> points = new EnumMap<>(Register.class);
        for (Register r : Register.values()) {
            points.put(r, new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (int table = 0; table < 2; table++) {
                int p = table * 6;
                ps.setString(p + 1, tenant.value());
                ps.setLong(p + 2, householdId);
                ps.setString(p + 3, Register.IMPORT.obis());
                ps.setString(p + 4, Register.EXPORT.obis());
                ps.setObject(p + 5, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
                ps.setObject(p + 6, OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal wh = WattHours.of(new BigDecimal(new BigInteger(rs.getString(3)), -rs.getInt(4)), rs.getString(5));
                    if (wh != null) {
                        points.get(Register.ofObis(rs.getString(1)))
                                .add(new RegisterPoint(Instant.ofEpochSecond(rs.getLong(2)), wh, rs.getBoolean(6)));
                    }
                }
            }
        }
        Duration span = Duration.between(range.from(), range.to());
        int maxPoints = (int) days * MAX_POINTS_PER_DAY;
        return new HighResolution(range,
                HighResolutionSeries.of(Register.IMPORT, points.get(Register.IMPORT), span, maxPoints),
                HighResolutionSeries.of(Register.EXPORT, points.get(Register.EXPORT), span, maxPoints));
    }
}
