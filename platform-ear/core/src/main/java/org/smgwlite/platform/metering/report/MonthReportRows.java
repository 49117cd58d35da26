package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.shared.LikePrefix;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The SQL of {@code taf_month_report} (V17): a run's results written a chunk at a time as one INSERT over parallel
 * arrays (one round trip per chunk, no statement per row), and the overview read a page at a time, worst completeness
 * first, searched by household name or Messlokation prefix. Callers own the tenant-bound connection.
 */
public final class MonthReportRows {

    static final String DELETE_SQL = "DELETE FROM taf_month_report WHERE tenant_id = ? AND month = ?";

    static final String INSERT_SQL = """
            INSERT INTO taf_month_report (tenant_id, month, household_id, obis, has_data, expected, true_values,
                   substitutes, gaps, pending, ptb_counts, completeness, first_at, first_value, last_at, last_value, unit,
                   start_kind, start_value, start_method, end_kind, end_value, end_method, energy_wh, tariff_profile,
                   zones, error_wh, total_wh, missing, legacy_quarter_hours, start_origin, end_origin, computed_at)
            SELECT ?, ?, h, o, d, e, t, s, g, p, ARRAY[p0, p1, p2, p3, p4], c, to_timestamp(fa), fv, to_timestamp(la), lv,
                   u, sk, sv, sm, ek, ev, em, en, tp, z::jsonb, er, tt, mi, lq, so, eo, ?
              FROM unnest(?::bigint[], ?::text[], ?::boolean[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
                          ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::numeric[], ?::bigint[], ?::numeric[],
                          ?::bigint[], ?::numeric[], ?::text[], ?::text[], ?::numeric[], ?::text[], ?::text[],
                          ?::numeric[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                          ?::int[], ?::int[], ?::text[], ?::text[])
                AS x(h, o, d, e, t, s, g, p, p0, p1, p2, p3, p4, c, fa, fv, la, lv, u, sk, sv, sm, ek, ev, em, en, tp,
                     z, er, tt, mi, lq, so, eo)""";

    private static final String MATCH = """

             FROM taf_month_report r JOIN household hh ON hh.tenant_id = r.tenant_id AND hh.id = r.household_id
             WHERE r.tenant_id = ? AND r.month = ? AND (? OR LOWER(hh.name) LIKE ? OR hh.messlokation_id LIKE ?)""";

    private static final String COLUMNS = """
            SELECT r.household_id, hh.name, hh.messlokation_id, r.obis, r.has_data, r.expected, r.true_values,
                   r.substitutes, r.gaps, r.pending, r.ptb_counts, r.completeness, r.first_at, r.first_value, r.last_at,
                   r.last_value, r.start_kind, r.start_value, r.start_method, r.end_kind, r.end_value, r.end_method,
                   r.unit, r.energy_wh, r.tariff_profile,
                   ARRAY(SELECT z->>'zone' FROM jsonb_array_elements(r.zones) z),
                   ARRAY(SELECT (z->>'wh')::numeric FROM jsonb_array_elements(r.zones) z),
                   r.error_wh, r.total_wh, r.missing, r.computed_at, r.legacy_quarter_hours, r.start_origin,
                   r.end_origin""";

    private MonthReportRows() {
    }

    static void deleteMonth(Connection c, TenantId tenant, BillingMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE_SQL)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, month.first());
            ps.executeUpdate();
        }
    }

    /** Writes one row per register of each report. */
    static void insert(Connection c, TenantId tenant, BillingMonth month, List<HouseholdMonthReport> reports,
                       Instant computedAt) throws SQLException {
        ReportColumns cols = new ReportColumns();
        for (HouseholdMonthReport h : reports) {
            for (RegisterMonthReport r : h.registers()) {
                cols.add(h.householdId(), r);
            }
        }
        if (cols.size() == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_SQL)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, month.first());
            ps.setTimestamp(3, Timestamp.from(computedAt));
            cols.bind(c, ps, 4);
            ps.executeUpdate();
        }
    }

    static long count(Connection c, TenantId tenant, BillingMonth month, String search) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + MATCH)) {
            bind(ps, tenant, month, search);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A page of the overview: worst completeness first, then household and register. */
    static List<MonthOverviewRow> page(Connection c, TenantId tenant, BillingMonth month, String search,
                                       PageRequest page) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + MATCH
                + " ORDER BY r.completeness, r.household_id, r.obis OFFSET ? LIMIT ?")) {
            int next = bind(ps, tenant, month, search);
            ps.setInt(next, page.offset());
            ps.setInt(next + 1, page.limit());
            return rows(ps);
        }
    }

    /** The stored rows of one household's month (empty when no run has covered it). */
    static List<MonthOverviewRow> household(Connection c, TenantId tenant, BillingMonth month, long householdId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + MATCH + " AND r.household_id = ? ORDER BY r.obis")) {
            int next = bind(ps, tenant, month, null);
            ps.setLong(next, householdId);
            return rows(ps);
        }
    }

    private static int bind(PreparedStatement ps, TenantId tenant, BillingMonth month, String search)
            throws SQLException {
        String s = search == null ? "" : search.strip();
        ps.setString(1, tenant.value());
        ps.setObject(2, month.first());
        ps.setBoolean(3, s.isEmpty());
        ps.setString(4, LikePrefix.of(s.toLowerCase(Locale.ROOT)));
        ps.setString(5, LikePrefix.of(s.toUpperCase(Locale.ROOT)));
        return 6;
    }

    private static List<MonthOverviewRow> rows(PreparedStatement ps) throws SQLException {
        List<MonthOverviewRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static MonthOverviewRow row(ResultSet rs) throws SQLException {
        String unit = rs.getString(23);
        List<Integer> ptb = new ArrayList<>();
        for (Integer n : (Integer[]) rs.getArray(11).getArray()) {
            ptb.add(n);
        }
        List<ZoneEnergy> zones = new ArrayList<>();
        String[] names = (String[]) rs.getArray(26).getArray();
        BigDecimal[] wh = (BigDecimal[]) rs.getArray(27).getArray();
        for (int z = 0; z < names.length; z++) {
            zones.add(new ZoneEnergy(names[z], wh[z]));
        }
        Integer missing = rs.getObject(30) == null ? null : rs.getInt(30);
        Integer legacy = rs.getObject(32) == null ? null : rs.getInt(32);
        return new MonthOverviewRow(rs.getLong(1), rs.getString(2), rs.getString(3), Register.ofObis(rs.getString(4)),
                rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), ptb, legacy,
                rs.getBigDecimal(12), value(rs, 13, 14, unit), value(rs, 15, 16, unit),
                kind(rs.getString(17)), rs.getBigDecimal(18), rs.getString(19), origin(rs.getString(33)),
                kind(rs.getString(20)), rs.getBigDecimal(21), rs.getString(22), origin(rs.getString(34)), unit,
                rs.getBigDecimal(24), rs.getString(25), zones, rs.getBigDecimal(28), rs.getBigDecimal(29), missing,
                rs.getTimestamp(31).toInstant());
    }

    private static Origin origin(String column) {
        return column == null ? null : Origin.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static RegisterValue value(ResultSet rs, int at, int value, String unit) throws SQLException {
        Timestamp t = rs.getTimestamp(at);
        return t == null ? null : new RegisterValue(t.toInstant(), rs.getBigDecimal(value), unit);
    }

    private static ReadingKind kind(String name) {
        return name == null ? null : ReadingKind.valueOf(name);
    }
}
