package org.smgwlite.platform.metering.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The retention on an embedded PostgreSQL migrated as the run command's, run as the platform's login role. One
 * database is migrated and loaded once (two tenants; readings, day rows, substitute values and gaps of an old month
 * and of last month; high-resolution readings; firmware events of 400 and 10 days ago); each test works on a copy of
 * it (CREATE DATABASE ... TEMPLATE), so the order of the tests does not matter.
 */
class RetentionTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("ret_owner", "owner-pw", "ret_login", "login-pw");
    private static final YearMonth OLD = YearMonth.now(ZoneOffset.UTC).minusMonths(20);
    private static final YearMonth LAST = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final String OLD_PART = "meter_reading_" + OLD.toString().replace('-', '_');
    private static final String MONTH_SUM = "SELECT count(*) || ' ' || md5(string_agg(r::text, '|' ORDER BY tenant_id, household_id,"
            + " obis, slot_start)) FROM %s r";
    private static final AtomicInteger COPIES = new AtomicInteger();

    private static MigratedPostgres db;
    private String url;

    @TempDir
    Path temp;

    @BeforeAll
    static void migrateAndLoad() throws Exception {
        db = MigratedPostgres.start(ROLES);
        try (Connection c = owner(db.url()); Statement s = c.createStatement()) {
            s.execute("SELECT partition_ensure_month('meter_reading', DATE '" + OLD.atDay(1) + "'),"
                    + " partition_ensure_month('meter_reading_hires', DATE '" + OLD.atDay(1) + "')");
            for (String tenant : List.of("tenant-a", "tenant-b")) {
                s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + tenant + "', 'T', 'ENERGY_COMMUNITY')");
                s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                        + " VALUES ('" + tenant + "', 'H', 'S', '12345', 'C', 'DE" + "0".repeat(31) + "', 'M')");
                s.execute("INSERT INTO gateway (tenant_id, gateway_id, household_id) SELECT tenant_id, 'gw', id FROM household"
                        + " WHERE tenant_id = '" + tenant + "'");
                s.execute("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256,"
                        + " signer_serial, accepted, rejected, duplicates, gaps) SELECT tenant_id, 'gw', id, '\\x00',"
                        + " repeat('0', 64), '01', 1, 0, 0, 0 FROM household WHERE tenant_id = '" + tenant + "'");
                for (YearMonth m : List.of(OLD, LAST)) {
                    String from = "TIMESTAMPTZ '" + m.atDay(1) + " 00:00Z'";
                    String to = "TIMESTAMPTZ '" + m.plusMonths(1).atDay(1) + " 00:00Z' - interval '15 minutes'";
                    s.execute("INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,"
                            + " ptb_level, taf, batch_id) SELECT b.tenant_id, b.household_id, o.obis, t, 1000 + extract(epoch FROM t),"
                            + " -1, 'Wh', 3, 7, b.id FROM reading_batch b, generate_series(" + from + ", " + to
                            + ", interval '15 minutes') t, (VALUES ('1-0:1.8.0*255'), ('1-0:2.8.0*255')) o(obis)"
                            + " WHERE b.tenant_id = '" + tenant + "'");
                    s.execute("INSERT INTO substitute_value (tenant_id, household_id, obis, slot_start, value_unscaled, scaler,"
                            + " unit, method, bound_from, bound_to, made_by) SELECT tenant_id, id, '1-0:1.8.0*255', " + from
                            + " + interval '1 day', 7, -1, 'Wh', 'linear', " + from + ", " + from + " + interval '2 days', 'test'"
                            + " FROM household WHERE tenant_id = '" + tenant + "'");
                    s.execute("INSERT INTO reading_gap (tenant_id, household_id, obis, slot_start, reason, batch_id) SELECT"
                            + " tenant_id, household_id, '1-0:2.8.0*255', " + from + " + interval '3 days', 'test', id"
                            + " FROM reading_batch WHERE tenant_id = '" + tenant + "'");
                    s.execute("INSERT INTO meter_reading_hires (tenant_id, household_id, obis, read_at, value_unscaled, scaler,"
                            + " unit, batch_id) SELECT tenant_id, household_id, '1-0:1.8.0*255', " + from + " + interval '7 minutes',"
                            + " 5, -1, 'Wh', id FROM reading_batch WHERE tenant_id = '" + tenant + "'");
                }
                for (int daysAgo : new int[] {400, 10}) {
                    s.execute("INSERT INTO legacy_event (tenant_id, gateway_ref, device_time, uptime_ms, code, received_at)"
                            + " SELECT tenant_id, id, now(), " + daysAgo + ", 1, now() - interval '" + daysAgo + " days'"
                            + " FROM gateway WHERE tenant_id = '" + tenant + "'");
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void copyOfTheLoadedDatabase() throws SQLException {
        String name = "ret_copy_" + COPIES.incrementAndGet();
        try (Connection c = db.embedded().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE smgw OWNER " + ROLES.owner());
        }
        url = db.url().replace("/smgw", "/" + name);
    }

    @Test
    void an_old_month_is_archived_then_dropped_and_the_archive_restores_its_rows_exactly() throws Exception {
        String before;
        long batches;
        try (Connection c = owner(url)) {
            before = text(c, MONTH_SUM.formatted(OLD_PART));
            batches = number(c, "SELECT count(*) FROM reading_batch");
        }
        Path archives = temp.resolve("archives");

        RetentionReport report = retention(Map.of("smgw.retention.months", 12), archives).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.retired()).extracting(RetentionReport.Month::table, RetentionReport.Month::month)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("meter_reading", OLD));
        assertThat(report.retired().get(0).rows()).isEqualTo(2L * 2 * 96 * OLD.lengthOfMonth());
        try (Connection c = owner(url)) {
            assertThat(text(c, "SELECT CAST(to_regclass('public." + OLD_PART + "') AS text)")).as("partition dropped").isNull();
            assertThat(number(c, "SELECT count(*) FROM reading_batch")).as("signed batches kept").isEqualTo(batches);
            assertThat(number(c, "SELECT count(*) FROM meter_reading_day WHERE day < DATE '" + OLD.plusMonths(1).atDay(1) + "'"))
                    .as("day rows of the month").isZero();
            assertThat(number(c, "SELECT count(*) FROM meter_reading_day WHERE day >= DATE '" + LAST.atDay(1) + "'"))
                    .as("day rows of last month").isEqualTo(2L * 2 * LAST.lengthOfMonth());
            assertThat(number(c, "SELECT count(*) FROM substitute_value")).as("last month's substitutes").isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM reading_gap")).as("last month's gaps").isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM meter_reading")).isEqualTo(2L * 2 * 96 * LAST.lengthOfMonth());

            Path dir = archives.resolve("meter_reading").resolve(OLD.toString());
            Properties manifest = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("manifest.properties"))) {
                manifest.load(in);
            }
            assertThat(manifest.getProperty("meter_reading.sha256")).isEqualTo(sha256(dir.resolve("meter_reading.copy.gz")));
            assertThat(manifest.getProperty("substitute_value.rows")).isEqualTo("2");
            assertThat(manifest.getProperty("reading_gap.rows")).isEqualTo("2");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE restored (LIKE meter_reading)");
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("meter_reading.copy.gz")))) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY restored FROM STDIN (FORMAT binary)", in);
            }
            assertThat(text(c, MONTH_SUM.formatted("restored"))).as("rows and checksum of the restored archive").isEqualTo(before);
            assertThat(before).startsWith(manifest.getProperty("meter_reading.rows") + " ");
        }
    }

    @Test
    void an_unwritable_archive_directory_leaves_the_month_attached_and_whole() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("file"), "x");
        String before = monthState();

        RetentionReport report = retention(Map.of("smgw.retention.months", 12), notADirectory.resolve("archives")).run();

        assertThat(report.retired()).isEmpty();
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.table()).isEqualTo("meter_reading");
            assertThat(f.what()).isEqualTo(OLD.toString());
        });
        assertThat(monthState()).isEqualTo(before);
    }

    @Test
    void a_drop_that_cannot_get_its_lock_rolls_back_the_month_including_the_substitutes_taken_for_the_archive() throws Exception {
        String before = monthState();
        try (Connection reader = owner(url); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.execute("SELECT count(*) FROM meter_reading"); // holds ACCESS SHARE on the parent until rollback

            RetentionReport report = retention(Map.of("smgw.retention.months", 12), temp.resolve("archives")).run();

            assertThat(report.retired()).isEmpty();
            assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("lock"));
            reader.rollback();
        }
        assertThat(monthState()).isEqualTo(before);
    }

    @Test
    void without_an_archive_directory_nothing_is_dropped_and_the_setting_is_named() throws Exception {
        String before = monthState();
        RetentionReport report = retention(Map.of("smgw.retention.months", 12), null).run();
        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains(RetentionSettings.ARCHIVE_DIR));
        assertThat(monthState()).isEqualTo(before);
    }

    @Test
    void high_resolution_months_and_old_firmware_events_go_while_newer_ones_stay() throws Exception {
        RetentionReport report = retention(Map.of("smgw.retention.hires-months", 6, "smgw.retention.log-days", 365),
                temp.resolve("archives")).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.retired()).extracting(RetentionReport.Month::table).containsExactly("meter_reading_hires");
        assertThat(report.deletedRows()).containsEntry("legacy_event", 2L);
        try (Connection c = owner(url)) {
            assertThat(number(c, "SELECT count(*) FROM meter_reading_hires WHERE read_at >= TIMESTAMPTZ '" + LAST.atDay(1) + " 00:00Z'"))
                    .isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM meter_reading_hires")).isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM legacy_event WHERE uptime_ms = 10")).isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM legacy_event")).isEqualTo(2);
            assertThat(number(c, "SELECT count(*) FROM meter_reading")).as("readings have no period here: kept")
                    .isEqualTo(2L * 2 * 96 * (OLD.lengthOfMonth() + LAST.lengthOfMonth()));
        }
    }

    @Test
    void the_login_role_cannot_retire_inside_a_tenant_binding_nor_the_current_month_nor_an_unlisted_table() throws Exception {
        try (Connection c = DriverManager.getConnection(url, ROLES.login(), ROLES.loginPassword()); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT smgw_bind_tenant('tenant-a')");
            assertThatThrownBy(() -> s.execute("SELECT retention_month_open('meter_reading', DATE '" + OLD.atDay(1) + "')"))
                    .hasMessageContaining("outside a tenant binding");
            c.rollback();
            assertThatThrownBy(() -> s.execute("SELECT retention_month_open('meter_reading', CURRENT_DATE)"))
                    .hasMessageContaining("has not ended");
            c.rollback();
            assertThatThrownBy(() -> s.execute("SELECT retention_month_open('reading_batch', DATE '" + OLD.atDay(1) + "')"))
                    .hasMessageContaining("not listed in retention_target with method partition");
            c.rollback();
            assertThatThrownBy(() -> s.execute("SELECT retention_delete_aged('reading_batch', now(), 10)"))
                    .hasMessageContaining("not listed in retention_target with method aged");
            c.rollback();
            assertThatThrownBy(() -> s.execute("SELECT count(*) FROM " + OLD_PART)).as("partition unreadable outside a retirement")
                    .isInstanceOf(SQLException.class);
            c.rollback();
        }
    }

    /** The old month as seen by the owner: attached, its rows, day rows, substitutes and gaps. */
    private String monthState() throws SQLException {
        String from = "TIMESTAMPTZ '" + OLD.atDay(1) + " 00:00Z'";
        String to = "TIMESTAMPTZ '" + OLD.plusMonths(1).atDay(1) + " 00:00Z'";
        try (Connection c = owner(url)) {
            return text(c, "SELECT count(*) FROM pg_inherits WHERE inhrelid = to_regclass('public." + OLD_PART + "')") + " / "
                    + text(c, MONTH_SUM.formatted(OLD_PART)) + " / "
                    + text(c, "SELECT count(*) || ' ' || md5(string_agg(readings::text, '' ORDER BY tenant_id, obis, day))"
                            + " FROM meter_reading_day WHERE day < DATE '" + OLD.plusMonths(1).atDay(1) + "'") + " / "
                    + text(c, "SELECT count(*) FROM substitute_value WHERE slot_start >= " + from + " AND slot_start < " + to) + " / "
                    + text(c, "SELECT count(*) FROM reading_gap WHERE slot_start >= " + from + " AND slot_start < " + to);
        }
    }

    private Retention retention(Map<String, Integer> periods, Path archives) {
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(url);
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
        return new Retention(login, RetentionSettings.of(periods, archives), Clock.systemUTC());
    }

    private static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, ROLES.owner(), ROLES.ownerPassword());
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long number(Connection c, String sql) throws SQLException {
        return Long.parseLong(text(c, sql));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
