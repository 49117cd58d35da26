package org.smgwlite.platform.metering;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.smgwlite.platform.certificate.DeviceIdentity;

/**
 * The SQL of high-resolution readings ({@code meter_reading_hires}) of one upload, in the ingestion's transaction
 * and under the metering point's lock ({@link ReadingStore#lockMeteringPoint}): the stored readings around the new
 * ones and the insert of those the rules accepted. Holds no rule.
 */
final class HighResolutionStore {

    /** Stored readings this far around the new ones are their neighbours (beyond it the slot values bound them). */
    static final Duration REACH = Duration.ofMinutes(15);

    private final DataSource dataSource;
    private final DeviceIdentity gw;
    private final Origin origin;

    HighResolutionStore(DataSource dataSource, DeviceIdentity gw, Origin origin) {
        this.dataSource = dataSource;
        this.gw = gw;
        this.origin = origin;
    }

    /** The register's stored readings from {@code from - REACH} to {@code to + REACH}. */
    TreeMap<Instant, BigDecimal> around(String obis, Instant from, Instant to) {
        TreeMap<Instant, BigDecimal> result = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT CAST(extract(epoch FROM read_at) AS bigint), CAST(value_unscaled AS text), scaler
                  FROM meter_reading_hires WHERE tenant_id = ? AND household_id = ? AND obis = ?
                   AND read_at BETWEEN to_timestamp(?) AND to_timestamp(?)""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, gw.householdId());
            ps.setString(3, obis);
            ps.setLong(4, from.minus(REACH).getEpochSecond());
            ps.setLong(5, to.plus(REACH).getEpochSecond());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(Instant.ofEpochSecond(rs.getLong(1)), new BigDecimal(new BigInteger(rs.getString(2)), -rs.getInt(3)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading high-resolution values of gateway " + gw.gatewayId() + " failed", e);
        }
    }

    /** One statement for all readings (arrays and {@code unnest}, as {@link ReadingStore}); returns the rows inserted. */
    int insert(long batchId, List<HighResolutionReading> readings) {
        if (readings.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO meter_reading_hires (tenant_id, household_id, obis, read_at, value_unscaled, scaler, unit, origin,
                                                 batch_id)
                SELECT ?, ?, x.obis, to_timestamp(x.epoch), x.unscaled::numeric, x.scaler, x.unit, ?, ?
                  FROM unnest(?::varchar[], ?::bigint[], ?::text[], ?::smallint[], ?::varchar[])
                       AS x(obis, epoch, unscaled, scaler, unit)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, gw.householdId());
            ps.setString(3, origin.column());
            ps.setLong(4, batchId);
            ps.setArray(5, c.createArrayOf("varchar", readings.stream().map(HighResolutionReading::obis).toArray(String[]::new)));
            ps.setArray(6, c.createArrayOf("bigint", readings.stream().map(r -> r.at().getEpochSecond()).toArray(Long[]::new)));
            ps.setArray(7, c.createArrayOf("text", readings.stream().map(r -> r.unscaled().toString()).toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("smallint", readings.stream().map(r -> (short) r.scaler()).toArray(Short[]::new)));
            ps.setArray(9, c.createArrayOf("varchar", readings.stream().map(HighResolutionReading::unit).toArray(String[]::new)));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing high-resolution values of batch " + batchId + " failed: " + e.getMessage(), e);
        }
    }
}
