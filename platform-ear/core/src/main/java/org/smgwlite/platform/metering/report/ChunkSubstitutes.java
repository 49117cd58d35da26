package org.smgwlite.platform.metering.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/**
 * The current substitute values (Ersatzwerte) of a chunk of households over a month, read in one query
 * ({@link TenantMonthRun#SUBSTITUTES_SQL}) and handed to each household's series builders; a true reading of the same
 * slot wins there ({@link SeriesBuilder#substitute}).
 */
final class ChunkSubstitutes {

    private record Value(boolean imports, long epochSecond, long unscaled, int scaler, String unit, String method,
                         boolean legacy) {
    }

    private final Map<Long, List<Value>> byHousehold;

    private ChunkSubstitutes(Map<Long, List<Value>> byHousehold) {
        this.byHousehold = byHousehold;
    }

    static ChunkSubstitutes read(Connection c, TenantId tenant, long[] ids, CurveRange range) throws SQLException {
        Map<Long, List<Value>> byHousehold = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TenantMonthRun.SUBSTITUTES_SQL)) {
            TenantMonthRun.bindChunk(ps, tenant, ids, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byHousehold.computeIfAbsent(rs.getLong(1), h -> new ArrayList<>()).add(new Value(
                            Register.IMPORT.obis().equals(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getBoolean(8)));
                }
            }
        }
        return new ChunkSubstitutes(byHousehold);
    }

    void into(long householdId, SeriesBuilder imports, SeriesBuilder exports) {
        for (Value v : byHousehold.getOrDefault(householdId, List.of())) {
            (v.imports() ? imports : exports).substitute(v.epochSecond(), v.unscaled(), v.scaler(), v.unit(), v.method(),
                    v.legacy());
        }
    }
}
