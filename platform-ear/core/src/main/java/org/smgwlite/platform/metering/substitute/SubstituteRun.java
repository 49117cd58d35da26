package org.smgwlite.platform.metering.substitute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveQuery;

/**
 * One household's run on a tenant-bound connection: under the metering point's lock (the one the ingestion takes, so
 * a batch and a run never interleave), per piece of the range it reads the curve with the profile's weeks before and a
 * margin after, finds the gaps that start in the piece, fills them ({@link GapRules}), compares with the stored rows
 * ({@link SubstitutePlan}) and writes the difference ({@link SubstituteRows}).
 */
final class SubstituteRun {

    static final ZoneId ZONE = CurveRange.BERLIN;
    /** Days read before a piece: the profile's four weeks and a day for a gap starting the day before. */
    private static final int DAYS_BEFORE = 7 * WeekdayProfile.WEEKS + 2;
    /** Days read after a piece: a gap longer than this after the piece's end is treated as open until a later run. */
    private static final int DAYS_AFTER = 35;

    private SubstituteRun() {
    }

    static SubstituteOutcome run(Connection c, TenantId tenant, long householdId, String actor, SubstituteRange range)
            throws SQLException {
        lockMeteringPoint(c, tenant, householdId);
        SubstituteOutcome outcome = SubstituteOutcome.NONE;
        for (SubstituteRange piece : range.chunks()) {
            outcome = outcome.plus(piece(c, tenant, householdId, actor, piece));
        }
        return outcome;
    }

    private static SubstituteOutcome piece(Connection c, TenantId tenant, long householdId, String actor,
                                           SubstituteRange piece) throws SQLException {
        CurveRange read = new CurveRange(piece.from().minusDays(DAYS_BEFORE), piece.toExclusive().plusDays(DAYS_AFTER), ZONE);
        LoadCurve curve = LoadCurveQuery.run(c, tenant, householdId, read);
        Instant from = piece.from().atStartOfDay(ZONE).toInstant();
        Instant to = piece.toExclusive().atStartOfDay(ZONE).toInstant();
        List<GapFill> wanted = new ArrayList<>();
        int left = 0;
        for (IntervalSeries series : List.of(curve.imports(), curve.exports())) {
            GapFinder.Found found = GapFinder.find(series);
            for (Gap gap : found.bounded()) {
                if (inside(gap.firstMissing(), from, to)) {
                    wanted.add(GapRules.fill(series, gap, ZONE));
                }
            }
            left += (int) found.unfilled().stream().filter(at -> inside(at, from, to)).count();
        }
        // a gap starting in the piece has its true reading before one slot earlier
        List<StoredSubstitute> stored = SubstituteRows.current(c, tenant.value(), householdId,
                from.minus(CurveRange.SLOT), to.minus(CurveRange.SLOT));
        SubstitutePlan plan = SubstitutePlan.of(wanted, stored, (obis, at) -> isTrue(curve, obis, at));
        int replaced = SubstituteRows.replace(c, tenant.value(), plan.replace());
        int made = SubstituteRows.insert(c, tenant.value(), householdId, actor, plan.insert());
        return new SubstituteOutcome(made, replaced, left);
    }

    private static boolean inside(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static boolean isTrue(LoadCurve curve, String obis, Instant at) {
        IntervalSeries series = curve.imports().register().obis().equals(obis) ? curve.imports() : curve.exports();
        long offset = at.getEpochSecond() - series.startEpochSecond();
        long step = CurveRange.SLOT.getSeconds();
        return offset >= 0 && offset % step == 0 && offset / step <= series.size()
                && GapFinder.isTrue(series, (int) (offset / step));
    }

    /** The lock {@code ReadingStore} takes for a batch of the same household. */
    private static void lockMeteringPoint(Connection c, TenantId tenant, long householdId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, "meter_reading:" + tenant.value() + ":" + householdId);
            ps.execute();
        }
    }
}
