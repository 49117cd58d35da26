package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.metering.substitute.SubstituteOutcome;
import org.smgwlite.platform.metering.substitute.SubstituteRows;
import org.smgwlite.platform.metering.substitute.SubstituteService;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * SubstituteService on Payara against PostgreSQL. Import readings (Wh) from Monday 2026-01-05 to Tuesday 2026-02-03,
 * 10 Wh per quarter hour and 40 Wh from 08:00 to 10:00 local every day; on Monday 2026-02-02 the meter missed 06:00-12:00
 * (six hours: profile) and 14:00-15:00 (one hour: linear), and its register was 3 Wh higher after the second gap. The
 * readings are written by SQL in a transaction bound to the tenant, as in {@link LoadCurveServiceIT}; the late true value
 * goes through the statement the ingestion runs for a batch ({@link SubstituteRows#replaceByTrueValues}).
 */
@ExtendWith(ArquillianExtension.class)
class SubstituteValuesIT {

    private static final TenantId A = TenantId.of("it-subst-a");
    private static final String IMPORT = "1-0:1.8.0*255";
    private static final LocalDate GAP_DAY = LocalDate.of(2026, 2, 2);
    private static final CurveRange DAY = new CurveRange(GAP_DAY, GAP_DAY.plusDays(1), CurveRange.BERLIN);

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("substitute-values-it.war")
                .addClasses(SubstituteValuesIT.class, ReadingRows.class, ItTenants.class);
    }

    @Inject
    SubstituteService substitutes;

    @Inject
    LoadCurveService curves;

    @Inject
    CsvExport csv;

    @Inject
    HouseholdService households;

    @Inject
    TenantService tenants;

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = "java:app/jdbc/smgw")
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    private static Instant at(String localTime) {
        return LocalDateTime.of(GAP_DAY, java.time.LocalTime.parse(localTime)).atZone(CurveRange.BERLIN).toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private void insertReadings(Connection c, long household, long batch) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH s AS (
                    SELECT ts, CASE WHEN extract(hour FROM ts AT TIME ZONE 'Europe/Berlin') IN (8, 9) THEN 40 ELSE 10 END AS e
                      FROM generate_series(?::timestamptz, ?::timestamptz, interval '15 minutes') AS ts),
                     r AS (
                    SELECT ts, 50000 + coalesce(sum(e) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS v
                      FROM s)
                INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level,
                                           taf, batch_id)
                SELECT ?, ?, '1-0:1.8.0*255', ts, v + CASE WHEN ts >= ? THEN 3 ELSE 0 END, 0, 'Wh', 0, 7, ?
                  FROM r
                 WHERE NOT (ts > ? AND ts < ?) AND NOT (ts > ? AND ts < ?)""")) {
            ps.setObject(1, utc(LocalDate.of(2026, 1, 5).atStartOfDay(CurveRange.BERLIN).toInstant()));
            ps.setObject(2, utc(DAY.to()));
            ps.setString(3, A.value());
            ps.setLong(4, household);
            ps.setObject(5, utc(at("15:00")));
            ps.setLong(6, batch);
            ps.setObject(7, utc(at("06:00")));
            ps.setObject(8, utc(at("12:00")));
            ps.setObject(9, utc(at("14:00")));
            ps.setObject(10, utc(at("15:00")));
            ps.executeUpdate();
        }
    }

    private static int slot(IntervalSeries s, String localTime) {
        return (int) ((at(localTime).getEpochSecond() - s.startEpochSecond()) / 900);
    }

    @Test
    void gaps_get_exact_substitutes_once_and_a_late_true_value_replaces_them() throws Exception {
        ItTenants.ensure(tenants, TenantKind.METERING_POINT_OPERATOR, A);
        Household h = households.create(A, new HouseholdDraft("Substitute IT", "Lückenweg 1", "34117", "Kassel",
                "DE" + String.format("%031d", System.nanoTime() % 1_000_000_000_000L), "1EMH0000000077", null));
        Viewer operator = Viewer.operator("it-operator");
        tx.begin();
        try (EntityManager bound = entityManagers.forTenant(A)) {
            long batch;
            try (Connection c = dataSource.getConnection()) {
                batch = ReadingRows.batch(c, A.value(), h.id(), "gw-subst-it");
                insertReadings(c, h.id(), batch);
            }

            SubstituteOutcome first = substitutes.make(A, "it-operator", h.id(), GAP_DAY, GAP_DAY.plusDays(1));
            assertThat(first).isEqualTo(new SubstituteOutcome(23 + 3, 0, 0));

            IntervalSeries s = curves.curve(A, operator, h.id(), DAY).imports();
            // one hour, linear: +43 Wh over four quarter hours, floor(43 k / 4)
            BigDecimal two = s.readingAt(slot(s, "14:00"));
            assertThat(s.readingSubstituteMethod(slot(s, "14:15"))).isEqualTo("linear");
            assertThat(s.readingAt(slot(s, "14:15"))).isEqualByComparingTo(two.add(BigDecimal.valueOf(10)));
            assertThat(s.readingAt(slot(s, "14:30"))).isEqualByComparingTo(two.add(BigDecimal.valueOf(21)));
            assertThat(s.readingAt(slot(s, "14:45"))).isEqualByComparingTo(two.add(BigDecimal.valueOf(32)));
            assertThat(s.energyWhSum(slot(s, "14:00"), slot(s, "15:00"))).isEqualByComparingTo("43");
            // six hours, profile: the four Mondays before used 10 Wh and 40 Wh from 08:00 to 10:00, 480 Wh in all
            assertThat(s.substituteMethod(slot(s, "06:00"))).isEqualTo("profile");
            assertThat(s.energyWh(slot(s, "07:45"))).isEqualByComparingTo("10");
            assertThat(s.energyWh(slot(s, "08:00"))).isEqualByComparingTo("40");
            assertThat(s.energyWhSum(slot(s, "06:00"), slot(s, "12:00"))).isEqualByComparingTo("480");
            assertThat(s.gapCount()).isZero();

            assertThat(substitutes.make(A, "it-operator", h.id(), GAP_DAY, GAP_DAY.plusDays(1)))
                    .as("running twice makes nothing new").isEqualTo(new SubstituteOutcome(0, 0, 0));

            StringWriter out = new StringWriter();
            List<Integer> progress = new ArrayList<>();
            csv.write(A, operator, h.id(), DAY, out, progress::add);
            assertThat(out.toString().lines().filter(l -> l.contains(",substitute:linear,")).count()).isEqualTo(4);
            assertThat(out.toString().lines().filter(l -> l.contains(",substitute:profile,")).count()).isEqualTo(24);
            assertThat(out.toString()).contains("2026-02-02T13:15:00Z,2026-02-02T14:15:00+01:00," + IMPORT + ","
                    + two.add(BigDecimal.TEN).toPlainString() + ",Wh,11,,substitute:linear,");

            // the true value of 09:00 arrives late: the gap's substitutes are replaced by its batch, the curve shows it
            BigDecimal trueNine = s.readingAt(slot(s, "06:00")).add(BigDecimal.valueOf(8 * 10 + 4 * 40));
            long late;
            int marked;
            try (Connection c = dataSource.getConnection()) {
                late = ReadingRows.batch(c, A.value(), h.id(), "gw-subst-it");
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                                                   ptb_level, taf, batch_id) VALUES (?, ?, ?, ?, ?, 0, 'Wh', 0, 7, ?)""")) {
                    ps.setString(1, A.value());
                    ps.setLong(2, h.id());
                    ps.setString(3, IMPORT);
                    ps.setObject(4, utc(at("09:00")));
                    ps.setBigDecimal(5, trueNine);
                    ps.setLong(6, late);
                    ps.executeUpdate();
                }
                marked = SubstituteRows.replaceByTrueValues(c, A.value(), h.id(), late, new String[] {IMPORT},
                        new Long[] {at("09:00").getEpochSecond()});
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM substitute_value WHERE household_id = ? AND replaced_by_batch_id = ?")) {
                    ps.setLong(1, h.id());
                    ps.setLong(2, late);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("kept as history").isEqualTo(23);
                    }
                }
            }
            assertThat(marked).isEqualTo(23);
            IntervalSeries after = curves.curve(A, operator, h.id(), DAY).imports();
            assertThat(after.readingAt(slot(after, "09:00"))).isEqualByComparingTo(trueNine);
            assertThat(after.readingSubstituteMethod(slot(after, "09:00"))).isNull();
            assertThat(after.substituteMethod(slot(after, "14:00"))).as("the other gap keeps its values").isEqualTo("linear");

            // the next run fills what is still missing around the true value: 06:00-09:00 and 09:00-12:00
            SubstituteOutcome again = substitutes.make(A, "it-operator", h.id(), GAP_DAY, GAP_DAY.plusDays(1));
            assertThat(again).isEqualTo(new SubstituteOutcome(11 + 11, 0, 0));
            IntervalSeries refilled = curves.curve(A, operator, h.id(), DAY).imports();
            assertThat(refilled.energyWhSum(slot(refilled, "06:00"), slot(refilled, "09:00"))).isEqualByComparingTo("240");
            assertThat(refilled.energyWhSum(slot(refilled, "09:00"), slot(refilled, "12:00"))).isEqualByComparingTo("240");
            assertThat(refilled.gapCount()).isZero();
        } finally {
            tx.rollback();
        }
    }
}
