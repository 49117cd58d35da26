package org.smgwlite.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The gateway list's SQL ({@link GatewayOverview#COUNT}, {@link GatewayOverview#PAGE}) on an embedded PostgreSQL migrated
 * to V12, run as the platform's login role bound to one tenant as the platform binds it: search by id prefix (any case,
 * {@code _} literal) or household id, the order across pages, each row's last upload, TAF 6 and Eichlog event, and no
 * row of the other tenant.
 */
class GatewayOverviewSqlTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("list_owner", "owner-pw", "list_login", "login-pw");
    private static MigratedPostgres postgres;
    private static String url;
    private static long householdOfEdef1;

    @BeforeAll
    static void migrateAndSeed() throws Exception {
        postgres = MigratedPostgres.start(ROLES);
        url = postgres.url();
        try (Connection c = DriverManager.getConnection(url, ROLES.owner(), ROLES.ownerPassword()); Statement s = c.createStatement()) {
            for (String tenant : List.of("tenant-a", "tenant-b")) {
                s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + tenant + "', 'T', 'ENERGY_COMMUNITY')");
            }
            String[][] gateways = {{"tenant-a", "EDEF1"}, {"tenant-a", "edef2"}, {"tenant-a", "GW_3"}, {"tenant-a", "GWX3"},
                    {"tenant-b", "EDEF9"}};
            for (int i = 0; i < gateways.length; i++) {
                s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id) VALUES ('"
                        + gateways[i][0] + "', 'H', 'S', '12345', 'C', 'DE" + String.format("%031d", i) + "', 'M')");
                s.execute("INSERT INTO gateway (tenant_id, gateway_id, household_id) SELECT '" + gateways[i][0] + "', '"
                        + gateways[i][1] + "', max(id) FROM household");
            }
            householdOfEdef1 = single(s, "SELECT household_id FROM gateway WHERE gateway_id = 'EDEF1'");
            s.execute("INSERT INTO certificate (tenant_id, gateway_id, serial_hex, profile, subject, not_before, not_after,"
                    + " sha256_fingerprint, pem) SELECT tenant_id, id, '7f', 'GATEWAY_TLS', 'CN=EDEF1', now() - interval '1 day',"
                    + " now() + interval '300 days', repeat('a', 64), 'pem' FROM gateway WHERE gateway_id = 'EDEF1'");
            // two uploads: the newer one (an hour ago) rejected two values
            for (int hoursAgo : List.of(3, 1)) {
                s.execute("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, received_at, signed_body, body_sha256,"
                        + " signer_serial, accepted, rejected, duplicates, gaps) VALUES ('tenant-a', 'EDEF1', " + householdOfEdef1
                        + ", now() - interval '" + hoursAgo + " hours', '\\x00', repeat('" + hoursAgo + "', 64), '01', 96, "
                        + (hoursAgo == 1 ? 2 : 0) + ", 0, 0)");
            }
            s.execute("INSERT INTO taf6_request (tenant_id, gateway_id, household_id, reason, requested_by, status)"
                    + " VALUES ('tenant-a', 'EDEF1', " + householdOfEdef1 + ", 'Zählerwechsel', 'operator:it', 'ANSWERED')");
            s.execute("INSERT INTO eichlog_entry (tenant_id, gateway_id, n, at, type, line, hash, batch_id) SELECT 'tenant-a',"
                    + " 'EDEF1', n, now(), t, 'line', repeat('0', 64), (SELECT max(id) FROM reading_batch)"
                    + " FROM (VALUES (1, 'START'), (2, 'METER_SILENT')) AS e(n, t)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The query as the platform runs it: login role, transaction bound to {@code tenant}, JDBC placeholders. */
    private static List<Object[]> run(String tenant, String sql, String search, Object... more) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, ROLES.login(), ROLES.loginPassword())) {
            c.setAutoCommit(false);
            try (PreparedStatement bind = c.prepareStatement("SELECT smgw_bind_tenant(?)")) {
                bind.setString(1, tenant);
                bind.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(sql.replaceAll("\\?\\d", "?"))) {
                ps.setString(1, tenant);
                ps.setString(2, GatewayOverview.likePrefix(search));
                ps.setLong(3, search.matches("[0-9]+") ? Long.parseLong(search) : -1L);
                for (int i = 0; i < more.length; i++) {
                    ps.setObject(4 + i, more[i]);
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[rs.getMetaData().getColumnCount()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
                c.rollback();
                return rows;
            }
        }
    }

    private static List<GatewaySummary> page(String tenant, String search, int offset, int limit) throws SQLException {
        return run(tenant, GatewayOverview.PAGE, search, offset, limit).stream()
                .map(r -> GatewayOverview.summary(r, Instant.now())).toList();
    }

    private static long count(String tenant, String search) throws SQLException {
        return ((Number) run(tenant, GatewayOverview.COUNT, search).get(0)[0]).longValue();
    }

    @Test
    void the_search_is_an_id_prefix_in_any_case_with_underscore_literal_or_a_household_id() throws SQLException {
        assertThat(count("tenant-a", "")).isEqualTo(4);
        assertThat(count("tenant-a", "edef")).isEqualTo(2);
        assertThat(count("tenant-a", "GW_")).isEqualTo(1);
        assertThat(count("tenant-a", String.valueOf(householdOfEdef1))).isEqualTo(1);
        assertThat(count("tenant-b", "edef")).isEqualTo(1);
    }

    @Test
    void pages_follow_the_byte_order_of_the_upper_cased_id_and_hold_no_row_of_another_tenant() throws SQLException {
        // "X" (0x58) sorts before "_" (0x5F)
        assertThat(page("tenant-a", "", 0, 3)).extracting(GatewaySummary::gatewayId).containsExactly("EDEF1", "edef2", "GWX3");
        assertThat(page("tenant-a", "", 3, 3)).extracting(GatewaySummary::gatewayId).containsExactly("GW_3");
        assertThat(page("tenant-b", "", 0, 10)).extracting(GatewaySummary::gatewayId).containsExactly("EDEF9");
    }

    @Test
    void a_row_carries_the_newest_upload_taf6_request_and_eichlog_event() throws SQLException {
        GatewaySummary edef1 = page("tenant-a", "EDEF1", 0, 1).get(0);
        GatewaySummary edef2 = page("tenant-a", "EDEF2", 0, 1).get(0);

        assertThat(edef1.state()).isEqualTo(GatewayState.ACTIVE);
        assertThat(edef1.certificates()).isEqualTo(1);
        assertThat(edef1.validCertificates()).isEqualTo(1);
        assertThat(edef1.accepted()).isEqualTo(96);
        assertThat(edef1.rejected()).isEqualTo(2);
        assertThat(edef1.lastTaf6Status()).isEqualTo("ANSWERED");
        assertThat(edef1.lastEichlogType()).isEqualTo("METER_SILENT");
        assertThat(edef2.state()).isEqualTo(GatewayState.REGISTERED);
        assertThat(edef2.lastUpload()).isNull();
        assertThat(edef2.accepted()).isNull();
    }

    /** {@link AgentStatusReports#STORE} as the platform runs it, committed; how many rows it changed. */
    private static int storeStatus(String tenant, String gatewayId, AgentStatus status) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, ROLES.login(), ROLES.loginPassword())) {
            c.setAutoCommit(false);
            try (PreparedStatement bind = c.prepareStatement("SELECT smgw_bind_tenant(?)")) {
                bind.setString(1, tenant);
                bind.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(AgentStatusReports.STORE.replaceAll("\\?\\d", "?"))) {
                ps.setString(1, AgentStatusJson.write(status));
                ps.setString(2, tenant);
                ps.setString(3, gatewayId);
                int changed = ps.executeUpdate();
                c.commit();
                return changed;
            }
        }
    }

    @Test
    void a_row_carries_the_latest_status_its_agent_reported_and_no_other_tenant_can_set_it() throws SQLException {
        AgentStatus first = new AgentStatus("0.0.9", "SML", null, 5L, null, null, null, 10L);
        AgentStatus latest = new AgentStatus("0.1.0", "SML", Instant.parse("2026-11-30T11:59:00Z"), 12L, 2048L, 1L << 20,
                "refused: bad signature", 3600L);
        assertThat(storeStatus("tenant-a", "GWX3", first)).isEqualTo(1);
        assertThat(storeStatus("tenant-a", "GWX3", latest)).isEqualTo(1);
        // tenant-b's binding sees no row of tenant-a, even when it names it
        assertThat(storeStatus("tenant-b", "GWX3", first)).isZero();

        GatewaySummary gwx3 = page("tenant-a", "GWX3", 0, 1).get(0);
        assertThat(gwx3.agentStatus()).isEqualTo(latest);
        assertThat(gwx3.agentStatusAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(page("tenant-a", "EDEF2", 0, 1).get(0).agentStatus()).isNull();
    }
}
