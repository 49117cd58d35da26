package org.smgwlite.platform.metering.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.ExpectedSlots;
import org.smgwlite.platform.metering.query.LoadCurveQuery;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;
import org.smgwlite.platform.tariff.TariffCalendar;

/**
 * The month reports of every household of a tenant, calculated and stored in one pass: the households in id order,
 * {@value #CHUNK} at a time; per chunk one streamed query of the day rows ({@code meter_reading_day}, V8) over the
 * primary key's range, one of the current substitute values and one of which meters have no export register; each
 * household decoded as {@link LoadCurveQuery} does, calculated by {@link HouseholdMonthReport} and written with the
 * chunk as one INSERT ({@link MonthReportRows}). Memory stays one chunk's results and one household's series.
 *
 * <p>The previous results of the month are deleted first, in the caller's transaction: readers see them until it
 * commits. Callers own the tenant-bound connection (the service, or the benchmark harness directly).
 */
public final class TenantMonthRun {

    static final int CHUNK = 500;

    static final String HOUSEHOLDS_SQL = "SELECT id FROM household WHERE tenant_id = ? ORDER BY id";

    static final String DAYS_SQL = """
            SELECT household_id, obis, unit, day, readings
              FROM meter_reading_day
             WHERE tenant_id = ? AND household_id BETWEEN ? AND ? AND obis IN (?, ?) AND day >= ? AND day <= ?
             ORDER BY household_id""";

    /**
     * Households among {@code ?} without an export register: the meter has reported import but never export, any day
     * (the rule of LoadCurveQuery's METERED_SQL, so the run and the live report agree).
     */
    static final String WITHOUT_EXPORT_SQL = """
            SELECT h FROM unnest(?::bigint[]) AS h
             WHERE EXISTS (SELECT 1 FROM meter_reading_day d WHERE d.tenant_id = ? AND d.household_id = h AND d.obis = ?)
               AND NOT EXISTS (SELECT 1 FROM meter_reading_day d WHERE d.tenant_id = ? AND d.household_id = h
                                  AND d.obis = ?)""";

    /** The current substitute values (V15), each with whether it rests on a legacy reading (LoadCurveQuery's rule). */
    static final String SUBSTITUTES_SQL = """
            SELECT s.household_id, s.obis, extract(epoch FROM s.slot_start)::bigint, s.value_unscaled, s.scaler, s.unit,
                   s.method, """ + LoadCurveQuery.SUBSTITUTE_LEGACY + """

              FROM substitute_value s
             WHERE s.tenant_id = ? AND s.household_id BETWEEN ? AND ? AND s.obis IN (?, ?)
               AND s.slot_start >= ? AND s.slot_start <= ? AND s.replaced_at IS NULL""";

    /** Tariff calendars of a chunk of households; a household without a profile may be left out. */
    @FunctionalInterface
    public interface Calendars {
        Map<Long, TariffCalendar> of(Collection<Long> householdIds);
    }

    /** Called after each chunk with the households done so far and the total. */
    @FunctionalInterface
    public interface Progress {
        void at(int done, int total);
    }

    private final Connection c;
    private final TenantId tenant;
    private final BillingMonth month;
    private final CurveRange range;
    private final int due;
    private final LocalDateTime[] localStarts;
    private final Map<TariffCalendar, ZoneGrid> grids = new IdentityHashMap<>();

    private TenantMonthRun(Connection c, TenantId tenant, BillingMonth month, Instant now) throws SQLException {
        this.c = c;
        this.tenant = tenant;
        this.month = month;
        this.range = month.range();
        this.due = ExpectedSlots.of(range, now, Optional.empty()).dueCount(range.from().getEpochSecond(),
                range.slotCount());
        this.localStarts = ZoneGrid.localStarts(month);
    }

    /**
     * Calculates and stores {@code month}'s reports of every household of {@code tenant}; the number of households.
     */
    public static int run(Connection c, TenantId tenant, BillingMonth month, Calendars calendars, Instant now,
                          Progress progress) throws SQLException {
        TenantMonthRun run = new TenantMonthRun(c, tenant, month, now);
        long[] ids = run.households();
        progress.at(0, ids.length);
        MonthReportRows.deleteMonth(c, tenant, month);
        for (int from = 0; from < ids.length; from += CHUNK) {
            long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + CHUNK));
            MonthReportRows.insert(c, tenant, month, run.chunk(chunk, calendars), now);
            progress.at(from + chunk.length, ids.length);
        }
        return ids.length;
    }

    private long[] households() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOUSEHOLDS_SQL)) {
            ps.setString(1, tenant.value());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                long[] ids = new long[64];
                int n = 0;
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
                return Arrays.copyOf(ids, n);
            }
        }
    }

    private List<HouseholdMonthReport> chunk(long[] ids, Calendars calendars) throws SQLException {
        List<Long> idList = Arrays.stream(ids).boxed().toList();
        Map<Long, TariffCalendar> calendarOf = calendars.of(idList);
        Set<Long> withoutExport = withoutExport(ids);
        ChunkSubstitutes subs = ChunkSubstitutes.read(c, tenant, ids, range);
        List<HouseholdMonthReport> reports = new ArrayList<>(ids.length);
        try (PreparedStatement ps = c.prepareStatement(DAYS_SQL)) {
            bindChunk(ps, tenant, ids, LocalDate.ofInstant(range.from(), ZoneOffset.UTC),
                    LocalDate.ofInstant(range.to(), ZoneOffset.UTC));
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                boolean more = rs.next();
                for (long id : ids) {
                    SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
                    SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, range.from(), range.slotCount());
                    while (more && rs.getLong(1) < id) { // a row of a household deleted meanwhile
                        more = rs.next();
                    }
                    while (more && rs.getLong(1) == id) {
                        SeriesBuilder target = Register.IMPORT.obis().equals(rs.getString(2)) ? imports : exports;
                        LoadCurveQuery.unpack(rs.getObject(4, LocalDate.class), rs.getString(3), rs.getBytes(5), target);
                        more = rs.next();
                    }
                    subs.into(id, imports, exports);
                    if (withoutExport.contains(id)) {
                        exports.notMetered();
                    }
                    reports.add(HouseholdMonthReport.of(id, null, null, month, imports.build(), exports.build(),
                            grid(calendarOf.get(id)), due));
                }
            }
        }
        return reports;
    }

    /**
     * Binds the seven parameters of {@link #DAYS_SQL} and {@link #SUBSTITUTES_SQL}: tenant, the chunk's first and last
     * household, both registers, the range's bounds ({@code from}, {@code to}: days or instants).
     */
    static void bindChunk(PreparedStatement ps, TenantId tenant, long[] ids, Object from, Object to)
            throws SQLException {
        ps.setString(1, tenant.value());
        ps.setLong(2, ids[0]);
        ps.setLong(3, ids[ids.length - 1]);
        ps.setString(4, Register.IMPORT.obis());
        ps.setString(5, Register.EXPORT.obis());
        ps.setObject(6, from);
        ps.setObject(7, to);
    }

    private Set<Long> withoutExport(long[] ids) throws SQLException {
        Set<Long> without = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(WITHOUT_EXPORT_SQL)) {
            ps.setArray(1, c.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray()));
            ps.setString(2, tenant.value());
            ps.setString(3, Register.IMPORT.obis());
            ps.setString(4, tenant.value());
            ps.setString(5, Register.EXPORT.obis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    without.add(rs.getLong(1));
                }
            }
        }
        return without;
    }

    private ZoneGrid grid(TariffCalendar calendar) {
        if (calendar == null) {
            return null;
        }
        return grids.computeIfAbsent(calendar, cal -> ZoneGrid.of(cal, localStarts));
    }
}
