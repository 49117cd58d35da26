package org.smgwlite.platform.metering.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The fine lines' SQL on an embedded PostgreSQL migrated as the platform's (V18's {@code meter_reading_hires}), read
 * by the login role bound to its tenant as {@link LoadCurveService} reads: quarter-hour values and high-resolution
 * readings merged exactly (0.1 Wh, and kWh scaled to Wh), only the range's, and never another tenant's.
 */
class HighResolutionQueryTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("hires_owner", "owner-pw", "hires_login", "login-pw");
    private static final String IMPORT = Register.IMPORT.obis();
    private static final String EXPORT = Register.EXPORT.obis();
    /** 2026-11-29 10:00 UTC, in the Berlin day 2026-11-29. */
    private static final long T0 = Instant.parse("2026-11-29T10:00:00Z").getEpochSecond();
    private static final CurveRange DAY = CurveRange.around(LocalDate.of(2026, 11, 29), CurveRange.Span.DAY, CurveRange.BERLIN);

    private static MigratedPostgres db;
    private static long householdA;
    private static long householdB;

    @BeforeAll
    static void seed() throws Exception {
        db = MigratedPostgres.start(ROLES);
        try (Connection c = DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword())) {
            householdA = household(c, "tenant-a");
            householdB = household(c, "tenant-b");
            slot(c, "tenant-a", householdA, IMPORT, T0, 1_000_000, -1, "Wh");
            slot(c, "tenant-a", householdA, IMPORT, T0 + 900, 1_000_700, -1, "Wh");
            slot(c, "tenant-a", householdA, IMPORT, T0 + 1800, 1_001_500, -1, "Wh");
            hires(c, "tenant-a", householdA, IMPORT, T0 + 60, 1_000_050, -1, "Wh");
            hires(c, "tenant-a", householdA, IMPORT, T0 + 120, 1_000_100, -1, "Wh");
            hires(c, "tenant-a", householdA, IMPORT, T0 - 86_400, 900_000, -1, "Wh"); // the day before: not in the range
            slot(c, "tenant-a", householdA, EXPORT, T0, 1_000, -4, "kWh");            // 100 Wh
            hires(c, "tenant-a", householdA, EXPORT, T0 + 30, 1_001, -4, "kWh");      // 100.1 Wh
            // tenant B: readings in the same range that tenant A must never see
            slot(c, "tenant-b", householdB, IMPORT, T0, 5, 0, "Wh");
            hires(c, "tenant-b", householdB, IMPORT, T0 + 60, 6, 0, "Wh");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void the_day_holds_the_readings_merged_with_the_quarter_hour_values_exactly_and_the_line_breaks_after_them() throws Exception {
        HighResolution h = read("tenant-a", householdA);

        assertThat(h.any()).isTrue();
        assertThat(h.imports().readings()).isEqualTo(2);
        assertThat(h.imports().steps()).extracting(s -> s.from().getEpochSecond() - T0, s -> s.to().getEpochSecond() - T0,
                        PowerStep::energyWh, PowerStep::watts)
                .containsExactly(
                        tuple(0L, 60L, new BigDecimal("5.0"), new BigDecimal("300.000")),
                        tuple(60L, 120L, new BigDecimal("5.0"), new BigDecimal("300.000")),
                        tuple(120L, 900L, new BigDecimal("60.0"), new BigDecimal("276.923")));
        assertThat(h.exports().steps()).singleElement().satisfies(s -> {
            assertThat(s.energyWh()).isEqualByComparingTo("0.1");
            assertThat(s.watts()).isEqualByComparingTo("12.000"); // 0.1 Wh in 30 s
        });
    }

    @Test
    void another_tenants_household_and_a_day_without_readings_have_no_line() throws Exception {
        assertThat(read("tenant-a", householdB).any()).as("tenant B's household under tenant A's binding").isFalse();
        assertThat(read("tenant-b", householdB).imports().steps()).hasSize(1);
        CurveRange later = CurveRange.around(LocalDate.of(2026, 11, 30), CurveRange.Span.DAY, CurveRange.BERLIN);
        try (Connection c = login("tenant-a")) {
            assertThat(HighResolutionQuery.run(c, new TenantId("tenant-a"), householdA, later).any()).isFalse();
        }
    }

    private static HighResolution read(String tenant, long household) throws SQLException {
        try (Connection c = login(tenant)) {
            return HighResolutionQuery.run(c, new TenantId(tenant), household, DAY);
        }
    }

    /** The platform's login role in a transaction bound to {@code tenant}, as TenantEntityManagers binds it. */
    private static Connection login(String tenant) throws SQLException {
        Connection c = DriverManager.getConnection(db.url(), ROLES.login(), ROLES.loginPassword());
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT smgw_bind_tenant(?)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
        return c;
    }

    private static long household(Connection c, String tenant) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + tenant + "', 'T', 'ENERGY_COMMUNITY')");
            try (ResultSet rs = s.executeQuery("INSERT INTO household (tenant_id, name, street, postal_code, city,"
                    + " messlokation_id, meter_id) VALUES ('" + tenant + "', 'H', 'S', '12345', 'C', 'DE" + "0".repeat(31)
                    + "', 'M') RETURNING id")) {
                rs.next();
                long id = rs.getLong(1);
                s.execute("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256, origin,"
                        + " accepted, rejected, duplicates, gaps) VALUES ('" + tenant + "', 'smgwlite-AB4', " + id + ", '\\x00',"
                        + " repeat('0', 64), 'legacy', 1, 0, 0, 0)");
                return id;
            }
        }
    }

    private static void slot(Connection c, String tenant, long household, String obis, long at, long unscaled, int scaler,
                             String unit) throws SQLException {
        insert(c, "INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,"
                + " ptb_level, taf, batch_id, origin) SELECT ?, ?, ?, to_timestamp(?), ?, ?, ?, 3, 7, max(id), 'legacy'"
                + " FROM reading_batch WHERE household_id = ?", tenant, household, obis, at, unscaled, scaler, unit);
    }

    private static void hires(Connection c, String tenant, long household, String obis, long at, long unscaled, int scaler,
                              String unit) throws SQLException {
        insert(c, "INSERT INTO meter_reading_hires (tenant_id, household_id, obis, read_at, value_unscaled, scaler, unit,"
                + " batch_id) SELECT ?, ?, ?, to_timestamp(?), ?, ?, ?, max(id) FROM reading_batch WHERE household_id = ?",
                tenant, household, obis, at, unscaled, scaler, unit);
    }

    private static void insert(Connection c, String sql, String tenant, long household, String obis, long at, long unscaled,
                               int scaler, String unit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setLong(2, household);
            ps.setString(3, obis);
            ps.setLong(4, at);
            ps.setLong(5, unscaled);
            ps.setInt(6, scaler);
            ps.setString(7, unit);
            ps.setLong(8, household);
            ps.executeUpdate();
        }
    }
}
