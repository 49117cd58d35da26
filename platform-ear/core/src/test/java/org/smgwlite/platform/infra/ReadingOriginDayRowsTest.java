package org.smgwlite.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurveQuery;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/**
 * V19 on an embedded PostgreSQL: the day rows (meter_reading_day) carry each reading's origin, written by the triggers
 * through meter_reading_pack and read by {@link LoadCurveQuery#unpack}. A database at V18 already holding legacy
 * readings (packed then as signed) has exactly those days rebuilt; its signed days are left as they were.
 */
class ReadingOriginDayRowsTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("origin_owner", "owner-pw", "origin_login", "login-pw");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String HUGE = "123456789012345678901234567";

    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void migrateToV18WithReadingsOfBothDoorsThenToTheLatest() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            ROLES.create(c);
            ROLES.createDatabase(c, "smgw", () -> postgres.getDatabase("postgres", "smgw").getConnection());
        }
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/smgw";
        Flyway.configure().dataSource(url, ROLES.owner(), ROLES.ownerPassword()).locations("classpath:db/migration")
                .placeholders(Map.of(SchemaMigration.LOGIN_ROLE_PLACEHOLDER, ROLES.login())).target("18").load().migrate();
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('tenant-o', 'T', 'ENERGY_COMMUNITY')");
            for (String household : new String[] {"legacy", "signed"}) {
                s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                        + " VALUES ('tenant-o', '" + household + "', 'S', '12345', 'C', 'DE" + digit(household) + "0".repeat(30)
                        + "', 'M')");
            }
            s.execute("SELECT meter_reading_ensure_month(DATE '2026-03-01')");
            batch(s, "legacy", "legacy");
            batch(s, "signed", "signed");
            // at V18 both are packed as kind 0/1: the legacy day is what V19 must rebuild
            reading(s, "legacy", "00:00", "1000", 3, "legacy");
            reading(s, "legacy", "00:15", "1100", 3, "legacy");
            reading(s, "legacy", "00:30", HUGE, 3, "legacy");
            reading(s, "signed", "00:00", "1000", 0, "signed");
            reading(s, "signed", "00:15", "1100", 0, "signed");
        }
        new SchemaMigration(url, ROLES.owner(), ROLES.ownerPassword(), ROLES.login()).migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(url, ROLES.owner(), ROLES.ownerPassword());
    }

    private static char digit(String household) {
        return "legacy".equals(household) ? '1' : '2';
    }

    private static void batch(Statement s, String household, String origin) throws SQLException {
        s.execute("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256, signer_serial,"
                + " accepted, rejected, duplicates, gaps, origin) SELECT 'tenant-o', 'gw-" + household + "', id, '\\x00', repeat('"
                + digit(household) + "', 64), " + ("legacy".equals(origin) ? "NULL" : "'01'") + ", 1, 0, 0, 0, '"
                + origin + "' FROM household WHERE name = '" + household + "'");
    }

    private static void reading(Statement s, String household, String time, String unscaled, int ptb, String origin)
            throws SQLException {
        reading(s, household, DAY, time, unscaled, ptb, origin);
    }

    private static void reading(Statement s, String household, LocalDate day, String time, String unscaled, int ptb,
                                String origin) throws SQLException {
        s.execute("INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,"
                + " ptb_level, taf, batch_id, origin) SELECT b.tenant_id, b.household_id, '1-0:1.8.0*255', TIMESTAMPTZ '"
                + day + " " + time + "+00', " + unscaled + ", 0, 'Wh', " + ptb + ", 7, b.id, '" + origin + "'"
                + " FROM reading_batch b JOIN household h ON h.id = b.household_id WHERE h.name = '" + household + "'");
    }

    /** The household's UTC day as the curve reads it: slot 0 is 00:00 UTC. */
    private static IntervalSeries day(String household, LocalDate day) throws SQLException {
        CurveRange range = new CurveRange(day, day.plusDays(1), ZoneOffset.UTC);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.unit, d.readings FROM meter_reading_day d JOIN household h"
                     + " ON h.id = d.household_id WHERE h.name = '" + household + "' AND d.day = DATE '" + day + "'")) {
            while (rs.next()) {
                LoadCurveQuery.unpack(day, rs.getString(1), rs.getBytes(2), b);
            }
        }
        return b.build();
    }

    private static int[] kinds(String household) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT readings FROM meter_reading_day d JOIN household h"
                     + " ON h.id = d.household_id WHERE h.name = '" + household + "' AND d.day = DATE '" + DAY + "'")) {
            rs.next();
            byte[] bytes = rs.getBytes(1);
            return new int[] {bytes[4], bytes[4 + 1 + 8 + 4 + 4]}; // the first two entries' kind bytes
        }
    }

    @Test
    void the_legacy_days_of_v18_are_rebuilt_with_their_origin_in_both_value_forms() throws Exception {
        IntervalSeries legacy = day("legacy", DAY);

        assertThat(legacy.readingOrigin(0)).isEqualTo(Origin.LEGACY);
        assertThat(legacy.readingOrigin(2)).as("the text form (beyond int8)").isEqualTo(Origin.LEGACY);
        assertThat(legacy.readingAt(2)).isEqualTo(new BigDecimal(HUGE));
        assertThat(legacy.origin(0)).isEqualTo(Origin.LEGACY);
        assertThat(legacy.energyWh(0)).isEqualByComparingTo("100");
        assertThat(legacy.readingOrigin(3)).as("no reading").isNull();
        assertThat(kinds("legacy")).containsExactly(2, 2);
    }

    @Test
    void signed_days_keep_their_bytes_and_read_as_signed() throws Exception {
        IntervalSeries signed = day("signed", DAY);

        assertThat(signed.origin(0)).isEqualTo(Origin.SIGNED);
        assertThat(signed.readingPtbLevel(0)).isZero();
        assertThat(kinds("signed")).containsExactly(0, 0);
    }

    @Test
    void the_triggers_pass_the_origin_on_insert_and_on_the_rebuild_after_a_delete() throws Exception {
        LocalDate next = DAY.plusDays(1);
        try (Connection c = owner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            reading(s, "legacy", next, "00:00", "2000", 3, "legacy");
            reading(s, "legacy", next, "00:15", "2100", 3, "legacy");
            reading(s, "legacy", next, "00:30", "2200", 3, "legacy");
            reading(s, "signed", next, "00:00", "2000", 0, "signed");
            reading(s, "signed", next, "00:15", "2100", 0, "signed");
            reading(s, "signed", next, "00:30", "2200", 3, "legacy"); // the household moved to an SMGW.Lite gateway
            c.commit();
            s.execute("DELETE FROM meter_reading WHERE slot_start = TIMESTAMPTZ '" + next + " 00:00+00'");
            c.commit();
        }
        IntervalSeries legacy = day("legacy", next);
        IntervalSeries mixed = day("signed", next);

        assertThat(legacy.readingOrigin(0)).as("deleted").isNull();
        assertThat(legacy.readingOrigin(1)).as("rebuilt from meter_reading").isEqualTo(Origin.LEGACY);
        assertThat(legacy.readingOrigin(2)).isEqualTo(Origin.LEGACY);
        assertThat(mixed.readingOrigin(1)).as("rebuilt, signed").isEqualTo(Origin.SIGNED);
        assertThat(mixed.origin(1)).as("signed to legacy: the energy rests on an unsigned reading").isEqualTo(Origin.LEGACY);
        assertThat(mixed.energyWh(1)).isEqualByComparingTo("100");
    }
}
