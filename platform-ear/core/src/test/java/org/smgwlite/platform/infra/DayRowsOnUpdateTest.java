package org.smgwlite.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;

/**
 * V26 on an embedded PostgreSQL: after an UPDATE of meter_reading the chart's day rows (meter_reading_day) are what a
 * fresh rebuild from meter_reading gives, for a changed value, a reading moved to another day or to another month's
 * partition, a household's readings moved to another household, and an upsert or a transaction that both updates and
 * inserts readings of one day (each reading once, not appended after the rebuild already holds it). Two households, two registers, 2 March 2026 and
 * the next day at quarter hours, reloaded before each test.
 */
class DayRowsOnUpdateTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("upd_owner", "owner-pw", "upd_login", "login-pw");
    /** The day rows of a query (tenant, household, obis, unit, day, readings), one line each, entries sorted (all int8: 17 bytes). */
    private static final String CANONICAL = "SELECT concat_ws(' ', d.tenant_id, h.name, d.obis, d.unit, d.day, (SELECT string_agg(e, ','"
            + " ORDER BY e) FROM (SELECT encode(substring(d.readings FROM i * 17 + 1 FOR 17), 'hex') e"
            + " FROM generate_series(0, length(d.readings) / 17 - 1) i) x)) FROM (%s) d JOIN household h ON h.id = d.household_id"
            + " ORDER BY 1";
    private static final String STORED = "SELECT tenant_id, household_id, obis, unit, day, readings FROM meter_reading_day";
    private static final String FRESH = "SELECT tenant_id, household_id, obis, unit, (slot_start AT TIME ZONE 'UTC')::date AS day,"
            + " string_agg(meter_reading_pack(slot_start, value_unscaled, scaler, ptb_level, origin), ''::bytea) AS readings"
            + " FROM meter_reading GROUP BY 1, 2, 3, 4, 5";

    private static MigratedPostgres db;

    @BeforeAll
    static void migrate() throws Exception {
        db = MigratedPostgres.start(ROLES);
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("SELECT partition_ensure_month('meter_reading', DATE '2026-03-01'),"
                    + " partition_ensure_month('meter_reading', DATE '2026-04-01')");
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('tenant-u', 'T', 'ENERGY_COMMUNITY')");
            for (String household : List.of("one", "two")) {
                s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                        + " VALUES ('tenant-u', '" + household + "', 'S', '12345', 'C', 'DE" + ("one".equals(household) ? 1 : 2)
                        + "0".repeat(30) + "', 'M')");
            }
            s.execute("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256, signer_serial,"
                    + " accepted, rejected, duplicates, gaps) SELECT tenant_id, 'gw-' || name, id, '\\x00', md5(name) || md5(name), '01',"
                    + " 1, 0, 0, 0 FROM household");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void load() throws SQLException {
        execute("DELETE FROM meter_reading",
                "INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level, taf,"
                        + " batch_id) SELECT b.tenant_id, b.household_id, o.obis, t, 1000 + extract(epoch FROM t) / 900, -1, 'Wh', 3,"
                        + " 7, b.id FROM reading_batch b, (VALUES ('1-0:1.8.0*255'), ('1-0:2.8.0*255')) o(obis),"
                        + " generate_series(TIMESTAMPTZ '2026-03-02 00:00Z', TIMESTAMPTZ '2026-03-03 23:45Z', interval '15 minutes') t");
        assertThat(rows(STORED)).as("the insert trigger's day rows").hasSize(8).isEqualTo(rows(FRESH));
    }

    @Test
    void a_changed_value_is_in_its_day_row() throws Exception {
        List<String> before = rows(STORED);

        execute("UPDATE meter_reading SET value_unscaled = value_unscaled + 5, ptb_level = 2 WHERE slot_start = TIMESTAMPTZ"
                + " '2026-03-02 10:00Z' AND obis = '1-0:1.8.0*255' AND household_id = (SELECT id FROM household WHERE name = 'one')");

        assertThat(rows(STORED)).isEqualTo(rows(FRESH)).isNotEqualTo(before);
    }

    @Test
    void a_reading_moved_to_another_day_or_month_leaves_its_old_day_and_joins_the_new_one() throws Exception {
        execute("UPDATE meter_reading SET slot_start = slot_start + interval '2 days' WHERE slot_start = TIMESTAMPTZ"
                        + " '2026-03-02 23:45Z' AND obis = '1-0:1.8.0*255'",
                "UPDATE meter_reading SET slot_start = TIMESTAMPTZ '2026-04-10 12:00Z' WHERE slot_start = TIMESTAMPTZ"
                        + " '2026-03-03 06:00Z' AND obis = '1-0:2.8.0*255'");

        List<String> stored = rows(STORED);
        assertThat(stored).isEqualTo(rows(FRESH));
        assertThat(stored).as("the April day, from the moved rows only (another partition)").hasSize(12)
                .filteredOn(row -> row.contains(" 2026-04-10 ")).hasSize(2);
    }

    @Test
    void readings_moved_to_another_household_leave_the_first_one_without_day_rows() throws Exception {
        execute("DELETE FROM meter_reading WHERE household_id = (SELECT id FROM household WHERE name = 'two')",
                "UPDATE meter_reading SET household_id = (SELECT id FROM household WHERE name = 'two'),"
                        + " batch_id = (SELECT id FROM reading_batch WHERE gateway_id = 'gw-two')");

        List<String> stored = rows(STORED);
        assertThat(stored).isEqualTo(rows(FRESH)).hasSize(4).allMatch(row -> row.startsWith("tenant-u two "));
    }

    @Test
    void an_upsert_that_updates_one_reading_and_inserts_another_on_the_same_day_stores_each_once() throws Exception {
        execute("DELETE FROM meter_reading WHERE slot_start = TIMESTAMPTZ '2026-03-02 11:00Z'",
                "INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level, taf,"
                        + " batch_id) SELECT tenant_id, household_id, obis, slot_start + t, value_unscaled + 1, scaler, unit, ptb_level,"
                        + " taf, batch_id FROM meter_reading, (VALUES (interval '0'), (interval '1 hour')) v(t)"
                        + " WHERE slot_start = TIMESTAMPTZ '2026-03-02 10:00Z' ON CONFLICT (tenant_id, household_id, obis, slot_start)"
                        + " DO UPDATE SET value_unscaled = excluded.value_unscaled");

        assertThat(rows(STORED)).isEqualTo(rows(FRESH));
    }

    @Test
    void an_update_then_an_insert_into_the_same_day_in_one_transaction_stores_each_once() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DELETE FROM meter_reading WHERE slot_start = TIMESTAMPTZ '2026-03-02 11:00Z'");
            s.execute("UPDATE meter_reading SET value_unscaled = value_unscaled + 1 WHERE slot_start = TIMESTAMPTZ '2026-03-02 10:00Z'");
            s.execute("INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level,"
                    + " taf, batch_id) SELECT tenant_id, household_id, obis, slot_start + interval '1 hour', value_unscaled + 1, scaler,"
                    + " unit, ptb_level, taf, batch_id FROM meter_reading WHERE slot_start = TIMESTAMPTZ '2026-03-02 10:00Z'");
            c.commit();
        }

        assertThat(rows(STORED)).isEqualTo(rows(FRESH));
    }

    @Test
    void a_plain_insert_appends_to_its_day_rows_and_only_an_upsert_rebuilds_them() throws Exception {
        String next = "INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level, taf,"
                + " batch_id) SELECT tenant_id, household_id, obis, slot_start + interval '%s', value_unscaled, scaler, unit, ptb_level,"
                + " taf, batch_id FROM meter_reading WHERE slot_start = TIMESTAMPTZ '2026-03-03 23:45Z'";

        assertThat(rebuildsBy(next.formatted("15 minutes"))).as("plain insert").isZero();
        assertThat(rebuildsBy(next.formatted("30 minutes") + " ON CONFLICT DO NOTHING")).as("insert, conflicts ignored").isZero();
        assertThat(rebuildsBy(next.formatted("45 minutes") + " ON CONFLICT (tenant_id, household_id, obis, slot_start)"
                + " DO UPDATE SET value_unscaled = excluded.value_unscaled")).as("upsert: old, new and inserted days").isEqualTo(3);
        assertThat(rows(STORED)).isEqualTo(rows(FRESH));
    }

    /** How often {@code sql} calls meter_reading_day_rebuild (counted by the superuser for the transaction). */
    private static long rebuildsBy(String sql) throws SQLException {
        try (Connection c = db.embedded().getDatabase("postgres", "smgw").getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL track_functions = 'all'");
            s.execute(sql);
            try (ResultSet rs = s.executeQuery("SELECT coalesce(pg_stat_get_xact_function_calls('meter_reading_day_rebuild'::regproc), 0)")) {
                rs.next();
                long calls = rs.getLong(1);
                c.commit();
                return calls;
            }
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword());
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> rows(String dayRows) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = owner(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CANONICAL.formatted(dayRows))) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
