package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.postgresql.ds.PGSimpleDataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.CsvRows;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.DailyEnergy;
import org.smgwlite.platform.metering.query.EnergyTotal;
import org.smgwlite.platform.metering.query.LatestReading;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * LoadCurveService and CsvExport on Payara against PostgreSQL: readings inserted by SQL for one
 * household come back as intervals with the missing slot as a gap, exact daily totals, the CSV,
 * the newest readings, the opening period, the daily energy with its comparison period, the due rule, and the access
 * rules (viewer, operator, other tenant). The readings are written by SQL through the
 * platform's own datasource in a transaction bound to tenant A (the platform's login role sees and
 * writes no tenant row without a binding); they reach the curve through the day rows the migrated
 * schema's triggers keep (V6, packed since V8), as stored readings do.
 */
@ExtendWith(ArquillianExtension.class)
class LoadCurveServiceIT {

    private static final TenantId A = TenantId.of("it-curve-a");
    private static final TenantId B = TenantId.of("it-curve-b");
    private static final String VIEWER = "curve-viewer";
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final int MISSING_IMPORT_SLOT = 40;

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("load-curve-it.war").addClasses(LoadCurveServiceIT.class, ReadingRows.class, ItTenants.class);
    }

    @Inject
    LoadCurveService curves;

    @Inject
    CsvExport csv;

    @Inject
    HouseholdService households;

    @Inject
    TenantService tenants;

    @Resource(lookup = "java:app/jdbc/smgw")
    DataSource dataSource;

    @Inject
    TenantEntityManagers entityManagers;

    @Resource
    UserTransaction tx;

    private Household household() {
        ItTenants.ensure(tenants, TenantKind.METERING_POINT_OPERATOR, A, B);
        String melo = "DE" + String.format("%031d", System.nanoTime() % 1_000_000_000_000L);
        return households.create(A, new HouseholdDraft("Curve IT", "Zählerweg 1", "34117", "Kassel", melo,
                "1EMH0000000042", VIEWER));
    }

    /**
     * The local day {@link #DAY} and its closing slot: import in kWh with scaler -4 rising by
     * 0.1 kWh per quarter hour, one slot missing and recorded as a gap; export in Wh rising by 7.
     * Another household's rows sit beside them.
     */
    private void insertReadings(Connection c, long householdId, long otherHouseholdId) throws Exception {
        long batch;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256,
                    signer_serial, accepted, rejected, duplicates, gaps)
                VALUES (?, 'gw-it', ?, '\\x00', repeat('0', 64), '01', 0, 0, 0, 1) RETURNING id""")) {
            ps.setString(1, A.value());
            ps.setLong(2, householdId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                batch = rs.getLong(1);
            }
        }
        Instant from = CurveRange.around(DAY, CurveRange.Span.DAY, CurveRange.BERLIN).from();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                    ptb_level, taf, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 7, ?)""")) {
            for (int i = 0; i <= 96; i++) {
                OffsetDateTime slot = OffsetDateTime.ofInstant(from.plusSeconds(900L * i), ZoneOffset.UTC);
                if (i != MISSING_IMPORT_SLOT) {
                    add(ps, householdId, "1-0:1.8.0*255", slot, 123_456_789L + 1_000L * i, -4, "kWh", i == 3 ? 2 : 0, batch);
                }
                add(ps, householdId, "1-0:2.8.0*255", slot, 5_000L + 7L * i, 0, "Wh", 0, batch);
                add(ps, otherHouseholdId, "1-0:1.8.0*255", slot, 1_000_000L * i, 0, "Wh", 0, batch);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reading_gap (tenant_id, household_id, obis, slot_start, reason, batch_id)
                VALUES (?, ?, '1-0:1.8.0*255', ?, 'meter silent', ?)""")) {
            ps.setString(1, A.value());
            ps.setLong(2, householdId);
            ps.setObject(3, OffsetDateTime.ofInstant(from.plusSeconds(900L * MISSING_IMPORT_SLOT), ZoneOffset.UTC));
            ps.setLong(4, batch);
            ps.executeUpdate();
        }
    }

    private static void add(PreparedStatement ps, long household, String obis, OffsetDateTime slot, long unscaled,
                            int scaler, String unit, int ptb, long batch) throws Exception {
        ps.setString(1, A.value());
        ps.setLong(2, household);
        ps.setString(3, obis);
        ps.setObject(4, slot);
        ps.setBigDecimal(5, BigDecimal.valueOf(unscaled));
        ps.setInt(6, scaler);
        ps.setString(7, unit);
        ps.setInt(8, ptb);
        ps.setLong(9, batch);
        ps.addBatch();
    }

    @Test
    void a_household_day_comes_back_as_intervals_with_gaps_totals_and_csv_and_only_to_those_allowed() throws Exception {
        Household mine = household();
        Household other = households.create(A, new HouseholdDraft("Curve IT other", "Zählerweg 2", "34117", "Kassel",
                "DE" + String.format("%031d", System.nanoTime() % 1_000_000_000_000L), "1EMH0000000043", null));
        CurveRange day = CurveRange.around(DAY, CurveRange.Span.DAY, CurveRange.BERLIN);
        tx.begin();
        try (EntityManager bound = entityManagers.forTenant(A)) {
            try (Connection c = dataSource.getConnection()) {
                insertReadings(c, mine.id(), other.id());
            }

            LoadCurve curve = curves.curve(A, Viewer.household(VIEWER), mine.id(), day);

            assertThat(curve.imports().size()).isEqualTo(96);
            assertThat(curve.imports().startEpochSecond()).isEqualTo(Instant.parse("2026-01-04T23:00:00Z").getEpochSecond());
            assertThat(curve.imports().energyWh(0)).isEqualByComparingTo("100");
            assertThat(curve.imports().averagePowerW(0)).isEqualByComparingTo("400");
            assertThat(curve.imports().ptbLevel(2)).as("reading at slot 3 has PTB level 2").isEqualTo(2);
            assertThat(curve.imports().readingAtStart(1)).isEqualByComparingTo("12345.7789");
            List<Integer> gaps = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                if (curve.imports().isGap(i)) {
                    gaps.add(i);
                }
            }
            assertThat(gaps).containsExactly(MISSING_IMPORT_SLOT - 1, MISSING_IMPORT_SLOT);
            assertThat(curve.imports().gapReason(MISSING_IMPORT_SLOT)).startsWith("meter silent at ");
            assertThat(curve.exports().gapCount()).isZero();
            EnergyTotal total = curve.daily().get(0);
            assertThat(total.importWh()).isEqualByComparingTo("9400");
            assertThat(total.exportWh()).isEqualByComparingTo("672");
            assertThat(total.gaps()).isEqualTo(2);
            assertThat(curve.monthly()).singleElement().isEqualTo(total.withStart(DAY.withDayOfMonth(1)));

            assertThat(curves.curve(A, Viewer.operator("operator"), mine.id(), day).daily().get(0).importWh())
                    .isEqualByComparingTo("9400");

            StringWriter out = new StringWriter();
            List<Integer> progress = new ArrayList<>();
            csv.write(A, Viewer.household(VIEWER), mine.id(), day, out, progress::add);
            String[] lines = out.toString().split("\n");
            assertThat(lines[0] + "\n").isEqualTo(CsvRows.HEADER);
            assertThat(lines).hasSize(1 + 2 * 96);
            assertThat(lines[1]).isEqualTo(
                    "2026-01-04T23:00:00Z,2026-01-05T00:00:00+01:00,1-0:1.8.0*255,12345.6789,kWh,100.0,0,ok,,signed");
            assertThat(lines[1 + 2 * MISSING_IMPORT_SLOT]).startsWith(
                    "2026-01-05T09:00:00Z,2026-01-05T10:00:00+01:00,1-0:1.8.0*255,,,,,gap,\"meter silent at");
            assertThat(progress).containsExactly(100);

            assertThatThrownBy(() -> curves.curve(A, Viewer.household("someone-else"), mine.id(), day))
                    .isInstanceOf(NotFoundException.class);
        } finally {
            tx.rollback();
        }
        assertThatThrownBy(() -> curves.curve(B, Viewer.operator("operator2"), mine.id(), day))
                .as("another tenant's operator").isInstanceOf(NotFoundException.class);
    }

    /**
     * The newest reading per register with its batch's arrival, the period a page opens on (the one holding the last
     * complete day, not today's), the daily energy next to the period before, and the due rule: a past week counts
     * its empty days as missing, a future week counts nothing as missing. All under the same access rules as the curve.
     */
    @Test
    void latest_readings_opening_period_daily_energy_and_due_quarter_hours_follow_the_data() throws Exception {
        Household mine = household();
        Household other = households.create(A, new HouseholdDraft("Curve IT other", "Zählerweg 3", "34117", "Kassel",
                "DE" + String.format("%031d", System.nanoTime() % 1_000_000_000_000L), "1EMH0000000044", null));
        Viewer viewer = Viewer.household(VIEWER);
        Instant before = Instant.now().minusSeconds(5);
        tx.begin();
        try (EntityManager bound = entityManagers.forTenant(A)) {
            try (Connection c = dataSource.getConnection()) {
                insertReadings(c, mine.id(), other.id());
            }

            List<LatestReading> latest = curves.latestReadings(A, viewer, mine.id());
            Instant closing = CurveRange.around(DAY.plusDays(1), CurveRange.Span.DAY, CurveRange.BERLIN).from();
            assertThat(latest).extracting(LatestReading::obis).containsExactly("1-0:1.8.0*255", "1-0:2.8.0*255");
            assertThat(latest.get(0).value()).isEqualByComparingTo("12355.2789");
            assertThat(latest.get(0).unit()).isEqualTo("kWh");
            assertThat(latest.get(0).slotStart()).isEqualTo(closing);
            assertThat(latest.get(0).receivedAt()).as("the batch's received_at").isBetween(before, Instant.now());
            assertThat(latest.get(1).value()).isEqualByComparingTo(BigDecimal.valueOf(5_000 + 7 * 96));

            assertThat(curves.openingRange(A, viewer, mine.id(), CurveRange.Span.DAY))
                    .as("the last complete day, not today").isEqualTo(CurveRange.around(DAY, CurveRange.Span.DAY, CurveRange.BERLIN));
            CurveRange week = curves.openingRange(A, viewer, mine.id(), CurveRange.Span.WEEK);
            assertThat(week.first()).isEqualTo(DAY); // 5 January 2026 is a Monday

            DailyEnergy energy = curves.dailyEnergy(A, viewer, mine.id(), week);
            assertThat(energy.days()).hasSize(7);
            assertThat(energy.days().get(0).importWh()).isEqualByComparingTo("9400");
            assertThat(energy.previousRange().first()).isEqualTo(DAY.minusWeeks(1));
            assertThat(energy.previousDays()).hasSize(7).allSatisfy(d -> assertThat(d.importWh()).isZero());
            assertThat(energy.days().subList(1, 7)).as("a past week: days without data are missing, not pending")
                    .allSatisfy(d -> assertThat(d.gaps()).isEqualTo(96));

            CurveRange future = CurveRange.around(LocalDate.now(CurveRange.BERLIN).plusYears(1), CurveRange.Span.WEEK,
                    CurveRange.BERLIN);
            assertThat(curves.curve(A, viewer, mine.id(), future).daily()).as("nothing in the future is missing")
                    .allSatisfy(d -> {
                        assertThat(d.gaps()).isZero();
                        assertThat(d.pending()).isEqualTo(d.intervals());
                    });
        } finally {
            tx.rollback();
        }
        // outside the transaction: a NotFoundException marks the caller's transaction for rollback, so a second call in
        // it would fail for that reason instead
        CurveRange week = CurveRange.around(DAY, CurveRange.Span.WEEK, CurveRange.BERLIN);
        assertThatThrownBy(() -> curves.latestReadings(A, Viewer.household("someone-else"), mine.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> curves.dailyEnergy(A, Viewer.household("someone-else"), mine.id(), week))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> curves.latestReadings(B, Viewer.operator("operator2"), mine.id()))
                .as("another tenant's operator").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> curves.openingRange(B, Viewer.operator("operator2"), mine.id(), CurveRange.Span.WEEK))
                .as("another tenant's operator").isInstanceOf(NotFoundException.class);
    }

    /**
     * The day rows (V8, packed) keep every stored value exact and follow every change of the record: a register
     * beyond the int8 range (a 30-digit numeric), a value that arrives after its neighbours (appended to the day
     * row), and a deleted one (the day row rebuilt).
     */
    @Test
    void the_day_rows_follow_the_record_exactly_for_huge_values_late_values_and_deletions() throws Exception {
        Household mine = household();
        CurveRange day = CurveRange.around(DAY, CurveRange.Span.DAY, CurveRange.BERLIN);
        Instant from = day.from();
        BigDecimal base = new BigDecimal("123456789012345678901234567"); // 27 digits: numeric(30,0), not int8
        tx.begin();
        try (EntityManager bound = entityManagers.forTenant(A); Connection c = dataSource.getConnection()) {
            long batch = ReadingRows.batch(c, A.value(), mine.id(), "gw-it");
            String insert = """
                    INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                        ptb_level, taf, batch_id) VALUES (?, ?, '1-0:1.8.0*255', ?, ?, 0, 'Wh', 0, 7, ?)""";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int i = 0; i <= 96; i++) {
                    if (i != 50) {
                        bind(ps, mine.id(), from.plusSeconds(900L * i), base.add(BigDecimal.valueOf(250L * i)), batch);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            LoadCurve before = curves.curve(A, Viewer.operator("operator"), mine.id(), day);
            assertThat(before.imports().readingAtStart(1)).isEqualTo(base.add(BigDecimal.valueOf(250)));
            assertThat(before.imports().energyWh(0)).isEqualByComparingTo("250");
            assertThat(before.imports().isGap(49)).isTrue();
            assertThat(before.imports().isGap(50)).isTrue();

            try (PreparedStatement ps = c.prepareStatement(insert)) { // the late value: appended to its day row
                bind(ps, mine.id(), from.plusSeconds(900L * 50), base.add(BigDecimal.valueOf(250L * 50)), batch);
                ps.executeUpdate();
            }
            LoadCurve filled = curves.curve(A, Viewer.operator("operator"), mine.id(), day);
            assertThat(filled.imports().gapCount()).isZero();
            assertThat(filled.daily().get(0).importWh()).isEqualByComparingTo(BigDecimal.valueOf(250L * 96));
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
        tx.commit(); // the household is this test's own; the deletion below needs the rows committed
        // Readings are deleted by no platform role (the login role has no DELETE on meter_reading): an operator's
        // superuser connection past the platform does it here.
        PGSimpleDataSource superuser = new PGSimpleDataSource();
        superuser.setURL(System.getenv("SMGW_DB_URL"));
        superuser.setUser("postgres");
        superuser.setPassword("postgres");
        try (Connection c = superuser.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM meter_reading WHERE tenant_id = ? AND household_id = ? AND slot_start = ?")) {
            ps.setString(1, A.value());
            ps.setLong(2, mine.id());
            ps.setObject(3, OffsetDateTime.ofInstant(from.plusSeconds(900L * 10), ZoneOffset.UTC));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        LoadCurve deleted = curves.curve(A, Viewer.operator("operator"), mine.id(), day);
        assertThat(deleted.imports().readingAtStart(10)).isNull();
        assertThat(deleted.imports().gapCount()).isEqualTo(2);
        assertThat(deleted.imports().readingAtStart(11)).isEqualTo(base.add(BigDecimal.valueOf(250L * 11)));
    }

    private static void bind(PreparedStatement ps, long household, Instant slot, BigDecimal unscaled, long batch)
            throws Exception {
        ps.setString(1, A.value());
        ps.setLong(2, household);
        ps.setObject(3, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC));
        ps.setBigDecimal(4, unscaled);
        ps.setLong(5, batch);
    }
}
