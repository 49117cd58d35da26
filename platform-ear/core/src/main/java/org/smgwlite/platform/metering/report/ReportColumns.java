package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a chunk of {@code taf_month_report} rows as parallel lists, bound as the arrays of
 * {@link MonthReportRows#INSERT_SQL}'s {@code unnest}, in its order.
 */
final class ReportColumns {

    private final List<Long> household = new ArrayList<>();
    private final List<String> obis = new ArrayList<>();
    private final List<Boolean> hasData = new ArrayList<>();
    private final List<List<Integer>> counts = new ArrayList<>(); // expected, true, substitutes, gaps, pending, ptb0..4
    private final List<BigDecimal> completeness = new ArrayList<>();
    private final List<Long> firstAt = new ArrayList<>();
    private final List<BigDecimal> firstValue = new ArrayList<>();
    private final List<Long> lastAt = new ArrayList<>();
    private final List<BigDecimal> lastValue = new ArrayList<>();
    private final List<String> unit = new ArrayList<>();
    private final List<String> startKind = new ArrayList<>();
    private final List<BigDecimal> startValue = new ArrayList<>();
    private final List<String> startMethod = new ArrayList<>();
    private final List<String> endKind = new ArrayList<>();
    private final List<BigDecimal> endValue = new ArrayList<>();
    private final List<String> endMethod = new ArrayList<>();
    private final List<BigDecimal> energy = new ArrayList<>();
    private final List<String> profile = new ArrayList<>();
    private final List<String> zones = new ArrayList<>();
    private final List<BigDecimal> error = new ArrayList<>();
    private final List<BigDecimal> total = new ArrayList<>();
    private final List<Integer> missing = new ArrayList<>();
    private final List<Integer> legacy = new ArrayList<>();
    private final List<String> startOrigin = new ArrayList<>();
    private final List<String> endOrigin = new ArrayList<>();

    void add(long householdId, RegisterMonthReport r) {
        Taf7Completeness t7 = r.taf7();
        Taf1Readings t1 = r.taf1();
        Taf2Energies t2 = r.taf2();
        household.add(householdId);
        obis.add(r.register().obis());
        hasData.add(r.hasData());
        List<Integer> c = new ArrayList<>(List.of(t7.expected(), t7.trueValues(), t7.substitutes(), t7.gaps(),
                t7.pending()));
        c.addAll(t7.ptbCounts());
        counts.add(c);
        completeness.add(t7.completenessPercent());
        firstAt.add(t7.first() == null ? null : t7.first().at().getEpochSecond());
        firstValue.add(t7.first() == null ? null : t7.first().value());
        lastAt.add(t7.last() == null ? null : t7.last().at().getEpochSecond());
        lastValue.add(t7.last() == null ? null : t7.last().value());
        BoundaryReading start = t1 == null ? null : t1.start();
        BoundaryReading end = t1 == null ? null : t1.end();
        unit.add(unitOf(t7, start, end));
        startKind.add(start == null ? null : start.kind().name());
        startValue.add(start == null ? null : start.value());
        startMethod.add(start == null ? null : start.substituteMethod());
        endKind.add(end == null ? null : end.kind().name());
        endValue.add(end == null ? null : end.value());
        endMethod.add(end == null ? null : end.substituteMethod());
        energy.add(t1 == null ? null : t1.energyWh());
        profile.add(t2 == null ? null : t2.profileName());
        zones.add(t2 == null ? null : ZonesJson.of(t2.zones()));
        error.add(t2 == null ? null : t2.errorWh());
        total.add(t2 == null ? null : t2.totalWh());
        missing.add(t2 == null ? null : t2.missing());
        legacy.add(t7.legacyQuarterHours());
        startOrigin.add(start == null || start.origin() == null ? null : start.origin().column());
        endOrigin.add(end == null || end.origin() == null ? null : end.origin().column());
    }

    /** The register's unit: the first reading's that has one (meters do not change it within a month). */
    private static String unitOf(Taf7Completeness t7, BoundaryReading start, BoundaryReading end) {
        if (start != null && start.unit() != null) {
            return start.unit();
        }
        if (t7.first() != null) {
            return t7.first().unit();
        }
        return end == null ? null : end.unit();
    }

    int size() {
        return household.size();
    }

    /** Binds the 34 arrays from parameter {@code index} on. */
    void bind(Connection c, PreparedStatement ps, int index) throws SQLException {
        int i = index;
        ps.setArray(i++, c.createArrayOf("bigint", household.toArray()));
        ps.setArray(i++, c.createArrayOf("text", obis.toArray()));
        ps.setArray(i++, c.createArrayOf("boolean", hasData.toArray()));
        for (int k = 0; k < 10; k++) {
            Integer[] column = new Integer[counts.size()];
            for (int row = 0; row < column.length; row++) {
                column[row] = counts.get(row).get(k);
            }
            ps.setArray(i++, c.createArrayOf("int4", column));
        }
        ps.setArray(i++, c.createArrayOf("numeric", completeness.toArray()));
        ps.setArray(i++, c.createArrayOf("bigint", firstAt.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", firstValue.toArray()));
        ps.setArray(i++, c.createArrayOf("bigint", lastAt.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", lastValue.toArray()));
        ps.setArray(i++, c.createArrayOf("text", unit.toArray()));
        ps.setArray(i++, c.createArrayOf("text", startKind.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", startValue.toArray()));
        ps.setArray(i++, c.createArrayOf("text", startMethod.toArray()));
        ps.setArray(i++, c.createArrayOf("text", endKind.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", endValue.toArray()));
        ps.setArray(i++, c.createArrayOf("text", endMethod.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", energy.toArray()));
        ps.setArray(i++, c.createArrayOf("text", profile.toArray()));
        ps.setArray(i++, c.createArrayOf("text", zones.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", error.toArray()));
        ps.setArray(i++, c.createArrayOf("numeric", total.toArray()));
        ps.setArray(i++, c.createArrayOf("int4", missing.toArray()));
        ps.setArray(i++, c.createArrayOf("int4", legacy.toArray()));
        ps.setArray(i++, c.createArrayOf("text", startOrigin.toArray()));
        ps.setArray(i, c.createArrayOf("text", endOrigin.toArray()));
    }
}
