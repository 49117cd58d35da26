package org.smgwlite.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The database wall against native SQL, on an embedded PostgreSQL of its own (random port) set up as the run
 * command's: the roles of {@code roles.sql}, the schema migrated by the owner role ({@link SchemaMigration}), the
 * platform's login role bound to tenant A the way {@link TenantEntityManagers} binds it. Whatever a statement in
 * that transaction tries (role switches, the old setting, a second binding), no row of tenant B is visible or
 * writable; without a binding no tenant row is visible at all. The login role's name is not the run command's,
 * to show that V10 takes it from the configuration.
 *
 * <p>Over 300 lines because it is one fixture (a PostgreSQL started once, about ten seconds) with the attack list,
 * the platform's unbound paths, the login-role check and the V8 counter-proof; split, each part would start its own.
 */
class DatabaseWallTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("wall_owner", "owner-pw", "wall_login", "login-pw");
    private static final String A = "tenant-a";
    private static final String B = "tenant-b";
    private static final List<String> TENANT_TABLES = List.of("household", "gateway", "enrollment_code", "certificate",
            "reading_batch", "meter_reading", "reading_gap", "reading_reject", "eichlog_entry", "taf6_request",
            "taf6_reading", "meter_reading_day", "substitute_value", "tariff_profile", "tariff_profile_version",
            "tariff_zone_rule", "taf_report_run", "taf_month_report", "legacy_gateway", "meter_reading_hires",
            "legacy_event", "legacy_upload");

    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void migrateAsOwnerAndLoadTwoTenants() throws Exception {
        MigratedPostgres db = MigratedPostgres.start(ROLES);
        postgres = db.embedded();
        url = db.url();
        seedTwoTenants(url);
    }

    /** Tenants A and B with a household, a batch, a reading (and so a day row) and a CA each, written by the owner. */
    private static void seedTwoTenants(String databaseUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl, ROLES.owner(), ROLES.ownerPassword());
             Statement s = c.createStatement()) {
            for (String tenant : List.of(A, B)) {
                s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + tenant + "', 'T', 'ENERGY_COMMUNITY')");
                s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                        + " VALUES ('" + tenant + "', 'H', 'S', '12345', 'C', 'DE" + "0".repeat(31) + "', 'M')");
                s.execute("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256,"
                        + " signer_serial, accepted, rejected, duplicates, gaps) SELECT '" + tenant + "', 'gw', id, '\\x00',"
                        + " repeat('0', 64), '01', 1, 0, 0, 0 FROM household WHERE tenant_id = '" + tenant + "'");
                s.execute("INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,"
                        + " ptb_level, taf, batch_id) SELECT b.tenant_id, b.household_id, '1-0:1.8.0*255', now(), 1, 0, 'Wh', 0, 7,"
                        + " b.id FROM reading_batch b WHERE b.tenant_id = '" + tenant + "'");
                if (exists(c, "substitute_value")) { // V15; the V8 schema below has none
                    s.execute("INSERT INTO substitute_value (tenant_id, household_id, obis, slot_start, value_unscaled, scaler,"
                            + " unit, method, bound_from, bound_to, made_by) SELECT tenant_id, id, '1-0:1.8.0*255', now(), 1, 0,"
                            + " 'Wh', 'linear', now() - interval '15 minutes', now() + interval '15 minutes', 'wall' FROM household"
                            + " WHERE tenant_id = '" + tenant + "'");
                }
                if (exists(c, "taf_report_run")) { // V16, V17; the V8 schema below has neither
                    s.execute("INSERT INTO tariff_profile (tenant_id, name) VALUES ('" + tenant + "', 'HT/NT')");
                    s.execute("INSERT INTO taf_report_run (tenant_id, month, status, started_by, started_at)"
                            + " VALUES ('" + tenant + "', '2026-10-01', 'DONE', 'wall', now())");
                }
                if (exists(c, "legacy_gateway")) { // V18
                    s.execute("INSERT INTO gateway (tenant_id, gateway_id, household_id, created_at) SELECT tenant_id,"
                            + " 'smgwlite-AB4', id, now() FROM household WHERE tenant_id = '" + tenant + "'");
                    s.execute("INSERT INTO legacy_gateway (tenant_id, gateway_ref, device_id, token_sha256, token_source)"
                            + " SELECT tenant_id, id, 'AB4', repeat('a', 64), 'ISSUED' FROM gateway WHERE tenant_id = '"
                            + tenant + "' AND gateway_id = 'smgwlite-AB4'");
                    s.execute("INSERT INTO legacy_event (tenant_id, gateway_ref, device_time, uptime_ms, code) SELECT"
                            + " tenant_id, gateway_ref, now(), 1, 1001 FROM legacy_gateway WHERE tenant_id = '" + tenant + "'");
                    s.execute("INSERT INTO meter_reading_hires (tenant_id, household_id, obis, read_at, value_unscaled, scaler,"
                            + " unit, batch_id) SELECT tenant_id, household_id, '1-0:1.8.0*255', now(), 1, -1, 'Wh', id"
                            + " FROM reading_batch WHERE tenant_id = '" + tenant + "'");
                }
                if (exists(c, "legacy_upload")) { // V20
                    s.execute("INSERT INTO legacy_upload (tenant_id, gateway_ref, bytes, status, received, inserted)"
                            + " SELECT tenant_id, gateway_ref, 8, 200, 1, 2 FROM legacy_gateway WHERE tenant_id = '" + tenant + "'");
                }
                s.execute("INSERT INTO tenant_ca (tenant_id, curve_policy, chain_pem, encrypted_key_pem)"
                        + " VALUES ('" + tenant + "', 'nist', 'chain', 'key')");
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Connection login() throws SQLException {
        Connection c = DriverManager.getConnection(url, ROLES.login(), ROLES.loginPassword());
        c.setAutoCommit(false);
        return c;
    }

    private static void bind(Connection c, String tenant) throws SQLException {
        try (var ps = c.prepareStatement("SELECT smgw_bind_tenant(?)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }

    /** The tenants whose rows the connection sees, over every tenant-owned table. */
    private static Set<String> visibleTenants(Connection c) throws SQLException {
        Set<String> tenants = new TreeSet<>();
        try (Statement s = c.createStatement()) {
            for (String table : TENANT_TABLES) {
                if (!exists(c, table)) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT tenant_id FROM " + table)) {
                    while (rs.next()) {
                        tenants.add(rs.getString(1));
                    }
                }
            }
        }
        return tenants;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        return count(c, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relnamespace = 'public'::regnamespace") > 0;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code sql} in a savepoint; an error (a refused statement) is rolled back to it, and that is fine. */
    private static void attempt(Connection c, String sql) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            c.releaseSavepoint(before);
        } catch (SQLException refused) {
            c.rollback(before);
        }
    }

    @Test
    void a_bound_transaction_sees_its_tenant_and_only_it() throws Exception {
        try (Connection c = login()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT smgw_bind_tenant('" + A + "')")) {
                rs.next();
                assertThat(rs.getString(1)).as("the binding names its tenant").isEqualTo(A);
            }
            assertThat(visibleTenants(c)).containsExactly(A);
            assertThat(count(c, "SELECT count(*) FROM meter_reading_day")).as("the trigger-kept read model").isOne();
            c.rollback();
        }
    }

    @Test
    void without_a_binding_no_tenant_row_is_visible() throws Exception {
        try (Connection c = login()) {
            assertThat(visibleTenants(c)).isEmpty();
            try (Statement s = c.createStatement()) {
                s.execute("SET smgw.tenant_id = '" + A + "'");
            }
            assertThat(visibleTenants(c)).as("the setting of the old binding means nothing").isEmpty();
            c.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "RESET ROLE",
            "SET ROLE NONE",
            "SET ROLE wall_owner",
            "SET ROLE postgres",
            "SET ROLE smgw_tenant",
            "SET LOCAL ROLE smgw_tenant",
            "SET SESSION AUTHORIZATION postgres",
            "SET SESSION AUTHORIZATION wall_owner",
            "SET smgw.tenant_id = 'tenant-b'",
            "SELECT set_config('smgw.tenant_id', 'tenant-b', false)",
            "SELECT set_config('smgw.tenant_id', 'tenant-b', true)",
            "SELECT smgw_bind_tenant('tenant-b')",
            "ALTER TABLE household DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE household NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY household_tenant_isolation ON household",
            "UPDATE tenant_binding SET tenant_id = 'tenant-b'",
            "DELETE FROM tenant_binding",
            "INSERT INTO tenant_binding VALUES (pg_backend_pid(), txid_current(), 'tenant-b')",
            "CREATE FUNCTION smgw_bound_tenant() RETURNS varchar LANGUAGE sql AS 'SELECT ''tenant-b''::varchar'",
            "CREATE TABLE sneak (x int)",
            "GRANT wall_owner TO wall_login"
    })
    void nothing_a_bound_transaction_runs_shows_or_changes_another_tenants_rows(String attack) throws Exception {
        try (Connection c = login()) {
            bind(c, A);
            attempt(c, attack);

            assertThat(visibleTenants(c)).as("after " + attack).containsExactly(A);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE household SET name = 'taken' WHERE tenant_id = '" + B + "'")).isZero();
                assertThat(s.executeUpdate("DELETE FROM gateway WHERE tenant_id = '" + B + "'")).isZero();
            }
            assertRefused(c, "INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                    + " VALUES ('" + B + "', 'H', 'S', '12345', 'C', 'DE" + "1".repeat(31) + "', 'M')");
            assertRefused(c, "UPDATE household SET tenant_id = '" + B + "' WHERE tenant_id = '" + A + "'");
            assertRefused(c, "SELECT smgw_bind_tenant('" + B + "')");
            c.rollback();
        }
    }

    @Test
    void switching_row_security_off_makes_a_query_fail_rather_than_leak() throws Exception {
        try (Connection c = login(); Statement s = c.createStatement()) {
            bind(c, A);
            s.execute("SET row_security = off");
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM household").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    /**
     * The same attacks against the schema of V8 and its binding (the owner switching to smgw_tenant and setting
     * smgw.tenant_id), as the platform ran it before: each one reaches tenant B's rows. So the tests above fail
     * on the old wall.
     */
    @ParameterizedTest
    @ValueSource(strings = {"RESET ROLE", "SET smgw.tenant_id = 'tenant-b'", "SELECT set_config('smgw.tenant_id', 'tenant-b', true)"})
    void the_wall_of_v8_gave_way_to_each_of_these(String attack) throws Exception {
        String v8 = "jdbc:postgresql://localhost:" + postgres.getPort() + "/smgw_v8";
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (count(c, "SELECT count(*) FROM pg_database WHERE datname = 'smgw_v8'") == 0) {
                ROLES.createDatabase(c, "smgw_v8", () -> postgres.getDatabase("postgres", "smgw_v8").getConnection());
                Flyway.configure().dataSource(v8, ROLES.owner(), ROLES.ownerPassword()).locations("classpath:db/migration")
                        .target("8").load().migrate();
                seedTwoTenants(v8);
            }
        }
        try (Connection c = DriverManager.getConnection(v8, ROLES.owner(), ROLES.ownerPassword()); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL ROLE smgw_tenant");
            s.execute("SELECT set_config('smgw.tenant_id', '" + A + "', true)");
            assertThat(visibleTenants(c)).containsExactly(A);

            s.execute(attack);

            assertThat(visibleTenants(c)).contains(B);
            c.rollback();
        }
    }

    /**
     * A database of the run command from before the split (V1..V8 migrated by the superuser, who owns everything)
     * is handed over to the owner role, migrated to V10 by it, and then holds like a new one.
     */
    @Test
    void a_database_of_the_superuser_is_handed_over_to_the_owner_and_then_holds() throws Exception {
        String old = "jdbc:postgresql://localhost:" + postgres.getPort() + "/smgw_old";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE smgw_old");
        }
        Flyway.configure().dataSource(old, "postgres", "postgres").locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            ROLES.createDatabase(c, "smgw_old", () -> postgres.getDatabase("postgres", "smgw_old").getConnection());
        }
        new SchemaMigration(old, ROLES.owner(), ROLES.ownerPassword(), ROLES.login()).migrate();
        seedTwoTenants(old);

        try (Connection c = DriverManager.getConnection(old, ROLES.login(), ROLES.loginPassword())) {
            c.setAutoCommit(false);
            assertThat(LoginRoleCheck.problems(c)).isEmpty();
            bind(c, A);
            attempt(c, "RESET ROLE");
            assertThat(visibleTenants(c)).containsExactly(A);
            c.rollback();
        }
    }

    private static void assertRefused(Connection c, String sql) throws SQLException {
        Savepoint before = c.setSavepoint();
        assertThatThrownBy(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class);
        c.rollback(before);
    }

    @Test
    void the_binding_survives_a_rolled_back_savepoint_and_ends_with_the_transaction() throws Exception {
        try (Connection c = login()) {
            bind(c, A);
            Savepoint savepoint = c.setSavepoint();
            bind(c, A);
            c.rollback(savepoint);
            assertThat(visibleTenants(c)).containsExactly(A);
            c.commit();

            assertThat(visibleTenants(c)).as("the next transaction of the same connection").isEmpty();
            bind(c, B);
            assertThat(visibleTenants(c)).as("a new transaction may be bound anew").containsExactly(B);
            c.rollback();
        }
    }

    @Test
    void two_connections_bound_at_once_each_see_their_own_tenant() throws Exception {
        try (Connection a = login(); Connection b = login()) {
            bind(a, A);
            bind(b, B);
            assertThat(visibleTenants(a)).containsExactly(A);
            assertThat(visibleTenants(b)).containsExactly(B);
            a.rollback();
            b.rollback();
        }
    }

    @Test
    void partitions_and_the_binding_table_are_out_of_the_login_roles_reach() throws Exception {
        try (Connection c = login()) {
            bind(c, A);
            assertRefused(c, "SELECT count(*) FROM meter_reading_default");
            assertRefused(c, "SELECT count(*) FROM tenant_binding");
            c.rollback();
        }
    }

    @Test
    void the_platforms_own_paths_work_outside_a_binding_and_not_inside_one() throws Exception {
        try (Connection c = login()) {
            assertThat(count(c, "SELECT count(*) FROM tenant")).as("tenant list").isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM tenant_ca")).as("CA store").isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM flyway_schema_history")).as("readiness").isPositive();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO audit_event (tenant_id, actor, action, subject, outcome) VALUES ('" + A
                        + "', 'platform', 'TEST', 's', 'SUCCESS')");
                s.execute("SELECT CAST(meter_reading_ensure_month(DATE '2031-07-01') AS text)");
                s.execute("INSERT INTO cluster_job_run (job, slot, node, lease_until) VALUES ('wall', now(), 'n', now())");
                s.execute("UPDATE cluster_job_run SET finished_at = now(), outcome = 'DONE' WHERE job = 'wall'");
            }
            assertThat(count(c, "SELECT count(*) FROM pg_class WHERE relname = 'meter_reading_2031_07'"
                    + " AND relowner = 'wall_owner'::regrole")).as("partition made by the owner's function").isOne();
            c.commit();

            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO audit_event (tenant_id, actor, action, subject, outcome) VALUES ('" + B
                        + "', 'platform', 'TEST', 's', 'SUCCESS')");
            }
            c.commit();

            bind(c, A);
            assertThat(count(c, "SELECT count(*) FROM tenant_ca")).as("CA keys inside a tenant transaction").isZero();
            assertThat(count(c, "SELECT count(*) FROM cluster_job_run")).as("cluster job claims inside a tenant transaction").isZero();
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("DELETE FROM cluster_job_run")).as("the jobs' history pruned inside a tenant transaction (V27)")
                        .isZero();
            }
            assertRefused(c, "INSERT INTO cluster_job_run (job, slot, node, lease_until) VALUES ('wall', now() - interval '1 day',"
                    + " 'n', now())");
            assertThat(count(c, "SELECT count(*) FROM audit_event WHERE tenant_id = '" + A + "'"))
                    .as("a tenant reads its own audit rows (V11)").isPositive();
            assertThat(count(c, "SELECT count(*) FROM audit_event WHERE tenant_id IS DISTINCT FROM '" + A + "'"))
                    .as("and no other tenant's, nor the platform's").isZero();
            assertRefused(c, "INSERT INTO audit_event (tenant_id, actor, action, subject, outcome) VALUES ('" + A
                    + "', 'x', 'TEST', 's', 'SUCCESS')");
            c.rollback();
        }
    }

    @Test
    void the_login_role_owns_nothing_and_cannot_switch_roles_while_owner_and_superuser_are_refused() throws Exception {
        try (Connection c = login()) {
            assertThat(LoginRoleCheck.problems(c)).isEmpty();
            LoginRoleCheck.require(c);
        }
        try (Connection owner = DriverManager.getConnection(url, ROLES.owner(), ROLES.ownerPassword())) {
            assertThat(LoginRoleCheck.problems(owner)).anyMatch(p -> p.contains("owns"))
                    .anyMatch(p -> p.contains("member of"));
            assertThatThrownBy(() -> LoginRoleCheck.require(owner)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(DatabaseSettings.USER + " is not fit");
        }
        try (Connection superuser = postgres.getDatabase("postgres", "smgw").getConnection()) {
            assertThat(LoginRoleCheck.problems(superuser)).anyMatch(p -> p.contains("superuser"));
        }
    }

    @Test
    void the_migration_refuses_one_role_for_both_and_a_missing_owner() {
        assertThatThrownBy(() -> new SchemaMigration(url, "smgw", "x", "smgw")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DatabaseSettings.MIGRATION_USER).hasMessageContaining("must not be");
        assertThatThrownBy(() -> new SchemaMigration(url, null, "", "smgw")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(DatabaseSettings.MIGRATION_USER + " is not set");
        assertThatThrownBy(() -> new SchemaMigration(url, "owner", "", "Robert'); DROP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain PostgreSQL role name");
    }
}
