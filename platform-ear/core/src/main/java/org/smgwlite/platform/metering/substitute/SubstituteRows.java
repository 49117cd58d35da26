package org.smgwlite.platform.metering.substitute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code substitute_value} (V15) on a caller's tenant-bound connection; each statement one round trip,
 * rows travelling as arrays through {@code unnest}. Holds no rule. Rows are never deleted, only marked replaced.
 */
public final class SubstituteRows {

    private SubstituteRows() {
    }

    /** The current rows of the gaps whose true reading before lies in [{@code boundFrom}, {@code boundFromEnd}). */
    public static List<StoredSubstitute> current(Connection c, String tenant, long householdId, Instant boundFrom,
                                                 Instant boundFromEnd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, obis, extract(epoch FROM slot_start)::bigint, extract(epoch FROM bound_from)::bigint,
                       extract(epoch FROM bound_to)::bigint
                  FROM substitute_value
                 WHERE tenant_id = ? AND household_id = ? AND replaced_at IS NULL
                   AND bound_from >= to_timestamp(?) AND bound_from < to_timestamp(?)""")) {
            ps.setString(1, tenant);
            ps.setLong(2, householdId);
            ps.setLong(3, boundFrom.getEpochSecond());
            ps.setLong(4, boundFromEnd.getEpochSecond());
            List<StoredSubstitute> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredSubstitute(rs.getLong(1), rs.getString(2), Instant.ofEpochSecond(rs.getLong(3)),
                            Instant.ofEpochSecond(rs.getLong(4)), Instant.ofEpochSecond(rs.getLong(5))));
                }
            }
            return rows;
        }
    }

    /** Marks the rows replaced by a recalculation (no batch); returns how many were current. */
    public static int replace(Connection c, String tenant, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE substitute_value SET replaced_at = now()
                 WHERE tenant_id = ? AND id = ANY (?::bigint[]) AND replaced_at IS NULL""")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
            return ps.executeUpdate();
        }
    }

    /** Inserts the values, made now by {@code actor}; returns the rows inserted. */
    public static int insert(Connection c, String tenant, long householdId, String actor, List<Substitute> values)
            throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO substitute_value (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, method,
                                              bound_from, bound_to, made_by)
                SELECT ?, ?, x.obis, to_timestamp(x.slot), x.unscaled::numeric, x.scaler, x.unit, x.method,
                       to_timestamp(x.bound_from), to_timestamp(x.bound_to), ?
                  FROM unnest(?::varchar[], ?::bigint[], ?::text[], ?::smallint[], ?::varchar[], ?::varchar[], ?::bigint[],
                              ?::bigint[]) AS x(obis, slot, unscaled, scaler, unit, method, bound_from, bound_to)""")) {
            ps.setString(1, tenant);
            ps.setLong(2, householdId);
            ps.setString(3, actor.length() <= 200 ? actor : actor.substring(0, 200));
            ps.setArray(4, c.createArrayOf("varchar", values.stream().map(Substitute::obis).toArray(String[]::new)));
            ps.setArray(5, c.createArrayOf("bigint", values.stream().map(v -> v.slot().getEpochSecond()).toArray(Long[]::new)));
            ps.setArray(6, c.createArrayOf("text", values.stream().map(v -> v.unscaled().toString()).toArray(String[]::new)));
            ps.setArray(7, c.createArrayOf("smallint", values.stream().map(v -> (short) v.scaler()).toArray(Short[]::new)));
            ps.setArray(8, c.createArrayOf("varchar", values.stream().map(Substitute::unit).toArray(String[]::new)));
            ps.setArray(9, c.createArrayOf("varchar", values.stream().map(v -> v.method().word()).toArray(String[]::new)));
            ps.setArray(10, c.createArrayOf("bigint", values.stream().map(v -> v.boundFrom().getEpochSecond()).toArray(Long[]::new)));
            ps.setArray(11, c.createArrayOf("bigint", values.stream().map(v -> v.boundTo().getEpochSecond()).toArray(Long[]::new)));
            return ps.executeUpdate();
        }
    }

    /**
     * A batch brought true readings for {@code obis[i]} at {@code epoch[i]}: every current substitute of a gap holding
     * one of those slots is marked replaced by the batch (the whole gap: its other values were shares of a difference
     * that no longer holds; the day-after run remakes what is still missing). One statement; returns the rows marked.
     */
    public static int replaceByTrueValues(Connection c, String tenant, long householdId, long batchId, String[] obis,
                                          Long[] epoch) throws SQLException {
        if (obis.length == 0) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH hit AS (
                    SELECT DISTINCT s.obis, s.bound_from
                      FROM substitute_value s
                      JOIN unnest(?::varchar[], ?::bigint[]) AS x(obis, epoch)
                        ON s.obis = x.obis AND s.slot_start = to_timestamp(x.epoch)
                     WHERE s.tenant_id = ? AND s.household_id = ? AND s.replaced_at IS NULL)
                UPDATE substitute_value s SET replaced_at = now(), replaced_by_batch_id = ?
                  FROM hit
                 WHERE s.tenant_id = ? AND s.household_id = ? AND s.obis = hit.obis AND s.bound_from = hit.bound_from
                   AND s.replaced_at IS NULL""")) {
            ps.setArray(1, c.createArrayOf("varchar", obis));
            ps.setArray(2, c.createArrayOf("bigint", epoch));
            ps.setString(3, tenant);
            ps.setLong(4, householdId);
            ps.setLong(5, batchId);
            ps.setString(6, tenant);
            ps.setLong(7, householdId);
            return ps.executeUpdate();
        }
    }
}
