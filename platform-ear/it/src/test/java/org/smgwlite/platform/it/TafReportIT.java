package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.HouseholdMonthReport;
import org.smgwlite.platform.metering.report.MonthOverviewRow;
import org.smgwlite.platform.metering.report.ReadingKind;
import org.smgwlite.platform.metering.report.RegisterMonthReport;
import org.smgwlite.platform.metering.report.ReportRun;
import org.smgwlite.platform.metering.report.ReportService;
import org.smgwlite.platform.metering.report.RunStatus;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * ReportService on Payara against PostgreSQL, for March 2026 (the spring switch: 2,972 quarter hours). Readings are
 * written by SQL in a committed transaction bound to a tenant of this run (the month run works in a transaction of its
 * own, in the background): a complete household, one without its opening boundary reading and a day, one without any
 * value. The live household report counts and reads the stored boundaries; the tenant run stores the same figures,
 * worst completeness first, searchable, and a household user sees only their own household.
 */
@ExtendWith(ArquillianExtension.class)
class TafReportIT {

    private static final BillingMonth MARCH = BillingMonth.of(2026, 3);
    private static final String VIEWER = "taf-viewer";

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("taf-report-it.war").addClasses(TafReportIT.class, ReadingRows.class,
                ItTenants.class);
    }

    @Inject
    ReportService reports;

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

    private Household household(TenantId tenant, String name, String viewer) {
        String melo = "DE" + String.format("%031d", System.nanoTime() % 1_000_000_000_000L);
        return households.create(tenant, new HouseholdDraft(name, "Zählerweg 1", "34117", "Kassel", melo,
                "1EMH0000000042", viewer));
    }

    /**
     * March's slots 0 .. 2,972 (the closing reading on April 1st) of {@code obis}, Wh rising by {@code step} from
     * {@code base}; the slots {@code skipped} left out.
     */
    private static void readings(Connection c, TenantId tenant, long household, String obis, long base, long step,
                                 Integer... skipped) throws Exception {
        long batch = ReadingRows.batch(c, tenant.value(), household, "gw-taf-it");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                    ptb_level, taf, batch_id)
                SELECT ?, ?, ?, ?::timestamptz + n * interval '15 minutes', ? + n * ?, 0, 'Wh', 0, 7, ?
                  FROM generate_series(0, ?) n WHERE NOT (n = ANY (?))""")) {
            ps.setString(1, tenant.value());
            ps.setLong(2, household);
            ps.setString(3, obis);
            ps.setObject(4, OffsetDateTime.ofInstant(MARCH.start(), ZoneOffset.UTC));
            ps.setLong(5, base);
            ps.setLong(6, step);
            ps.setLong(7, batch);
            ps.setInt(8, MARCH.quarterHours());
            ps.setArray(9, c.createArrayOf("int4", skipped));
            ps.executeUpdate();
        }
    }

    @Test
    void march_reports_count_2972_quarter_hours_read_the_stored_boundaries_and_the_run_lists_the_worst_first()
            throws Exception {
        TenantId tenant = TenantId.of("it-taf-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        ItTenants.ensure(tenants, TenantKind.METERING_POINT_OPERATOR, tenant);
        Household complete = household(tenant, "Taf complete", VIEWER);
        Household holes = household(tenant, "Taf holes", null);
        Household empty = household(tenant, "Taf empty", null);
        tx.begin();
        try (EntityManager bound = entityManagers.forTenant(tenant); Connection c = dataSource.getConnection()) {
            readings(c, tenant, complete.id(), Register.IMPORT.obis(), 1_000_000, 25);
            readings(c, tenant, complete.id(), Register.EXPORT.obis(), 50_000, 3);
            // no opening reading, and 10 March (local) from 00:00 to 23:45 missing
            int tenth = (int) ((LocalDate.of(2026, 3, 10).atStartOfDay(MARCH.range().zone()).toEpochSecond()
                    - MARCH.start().getEpochSecond()) / 900);
            List<Integer> skipped = new ArrayList<>(List.of(0));
            IntStream.range(tenth, tenth + 96).forEach(skipped::add);
            readings(c, tenant, holes.id(), Register.IMPORT.obis(), 2_000_000, 10, skipped.toArray(Integer[]::new));
        }
        tx.commit();

        HouseholdMonthReport mine = reports.household(tenant, Viewer.household(VIEWER), complete.id(), MARCH);
        RegisterMonthReport imports = mine.register(Register.IMPORT);
        assertThat(imports.taf7().expected()).isEqualTo(2_972);
        assertThat(imports.taf7().trueValues()).isEqualTo(2_972);
        assertThat(imports.taf1().start().kind()).isEqualTo(ReadingKind.TRUE);
        assertThat(imports.taf1().start().at()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(imports.taf1().start().value()).isEqualByComparingTo("1000000");
        assertThat(imports.taf1().end().at()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(imports.taf1().end().value()).isEqualByComparingTo(BigDecimal.valueOf(1_000_000 + 25 * 2_972));
        assertThat(imports.taf1().energyWh()).isEqualByComparingTo(BigDecimal.valueOf(25 * 2_972));
        assertThat(mine.register(Register.EXPORT).taf1().energyWh()).isEqualByComparingTo(BigDecimal.valueOf(3 * 2_972));

        HouseholdMonthReport withHoles = reports.household(tenant, Viewer.operator("op"), holes.id(), MARCH);
        RegisterMonthReport holeImports = withHoles.register(Register.IMPORT);
        assertThat(holeImports.taf1().start().kind()).as("never the neighbouring slot's").isEqualTo(ReadingKind.MISSING);
        assertThat(holeImports.taf1().energyWh()).isNull();
        assertThat(holeImports.taf7().gaps()).as("slot 0 and the day (96 readings: 97 intervals)").isEqualTo(1 + 97);
        assertThat(withHoles.register(Register.EXPORT)).as("a meter without export").isNull();

        assertThat(reports.household(tenant, Viewer.operator("op"), empty.id(), MARCH).hasData()).isFalse();
        assertThatThrownBy(() -> reports.household(tenant, Viewer.household("someone-else"), complete.id(), MARCH))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.household(tenant, Viewer.operator("op"), complete.id(),
                new BillingMonth(YearMonth.now().plusMonths(2))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("month"));

        ReportRun started = reports.start(tenant, "op", MARCH);
        assertThat(started.month()).isEqualTo(MARCH);
        ReportRun run = started;
        for (int i = 0; i < 120 && run.status() == RunStatus.RUNNING; i++) {
            Thread.sleep(500);
            run = reports.run(tenant, MARCH).orElseThrow();
        }
        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        assertThat(run.householdsDone()).isEqualTo(3);
        assertThat(reports.count(tenant, MARCH, ""))
                .as("complete: 2 registers; holes: import only (a meter that never reported export); empty: both, as live")
                .isEqualTo(5);
        List<MonthOverviewRow> page = reports.page(tenant, MARCH, "", new PageRequest(0, 10));
        assertThat(page).extracting(MonthOverviewRow::householdId)
                .containsExactly(empty.id(), empty.id(), holes.id(), complete.id(), complete.id());
        assertThat(page.get(0).hasData()).isFalse();
        MonthOverviewRow stored = page.get(3);
        assertThat(stored.trueValues()).isEqualTo(2_972);
        assertThat(stored.startKind()).isEqualTo(ReadingKind.TRUE);
        assertThat(stored.legacyQuarterHours()).as("stored by V19's columns: no SMGW.Lite reading").isZero();
        assertThat(stored.startOrigin()).isEqualTo(org.smgwlite.platform.metering.Origin.SIGNED);
        assertThat(page.get(2).startOrigin()).as("a missing boundary has none").isNull();
        assertThat(stored.energyWh()).isEqualByComparingTo(imports.taf1().energyWh());
        assertThat(page.get(2).startKind()).isEqualTo(ReadingKind.MISSING);
        assertThat(page.get(2).energyWh()).isNull();
        assertThat(reports.page(tenant, MARCH, "taf h", new PageRequest(0, 10)))
                .extracting(MonthOverviewRow::householdId).containsExactly(holes.id());
        assertThat(reports.page(tenant, MARCH, holes.messlokationId(), new PageRequest(0, 10))).hasSize(1);
    }
}
