package org.smgwlite.platform.metering.substitute;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.MigratedPostgres;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurveQuery;

/**
 * The run's SQL on the migrated schema (V15), as the platform's login role in a transaction bound to the tenant, on an
 * embedded PostgreSQL: a household with 10 Wh per quarter hour from 2026-01-05 and, on Monday 2026-02-02, a one-hour
 * gap (08:00-09:00) and a six-hour gap (12:00-18:00). The run fills both, a second run makes nothing new, the curve
 * reads them back, and a late true value replaces its gap's substitutes.
 */
class SubstituteRunTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("subst_owner", "owner-pw", "subst_login", "login-pw");
    private static final TenantId TENANT = TenantId.of("subst-a");
    private static final Instant START = at("2026-01-05T00:00");
    private static final SubstituteRange DAY = new SubstituteRange(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3));

    private static MigratedPostgres db;
    private static long household;
    private static long batch;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CurveRange.BERLIN).toInstant();
    }

    @BeforeAll
    static void aHouseholdWithTwoGaps() throws Exception {
        db = MigratedPostgres.start(ROLES);
        try (Connection c = DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + TENANT.value() + "', 'T', 'ENERGY_COMMUNITY')");
            try (ResultSet rs = s.executeQuery("INSERT INTO household (tenant_id, name, street, postal_code, city,"
                    + " messlokation_id, meter_id) VALUES ('" + TENANT.value() + "', 'H', 'S', '12345', 'C', 'DE"
                    + "0".repeat(31) + "', 'M') RETURNING id")) {
                rs.next();
                household = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body,"
                    + " body_sha256, signer_serial, accepted, rejected, duplicates, gaps) VALUES ('" + TENANT.value()
                    + "', 'gw', " + household + ", '\\x00', repeat('0', 64), '01', 0, 0, 0, 0) RETURNING id")) {
                rs.next();
                batch = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                                               ptb_level, taf, batch_id)
                    SELECT ?, ?, '1-0:1.8.0*255', ts, 50000 + 10 * (extract(epoch FROM ts - ?) / 900)::bigint, 0, 'Wh', 0, 7, ?
                      FROM generate_series(?::timestamptz, ?::timestamptz, interval '15 minutes') AS ts
                     WHERE NOT (ts > ? AND ts < ?) AND NOT (ts > ? AND ts < ?)""")) {
                ps.setString(1, TENANT.value());
                ps.setLong(2, household);
                ps.setObject(3, utc(START));
                ps.setLong(4, batch);
                ps.setObject(5, utc(START));
                ps.setObject(6, utc(at("2026-02-04T00:00")));
                ps.setObject(7, utc(at("2026-02-02T08:00")));
                ps.setObject(8, utc(at("2026-02-02T09:00")));
                ps.setObject(9, utc(at("2026-02-02T12:00")));
                ps.setObject(10, utc(at("2026-02-02T18:00")));
                ps.executeUpdate();
            }
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static Connection bound() throws SQLException {
        Connection c = DriverManager.getConnection(db.url(), ROLES.login(), ROLES.loginPassword());
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT smgw_bind_tenant(?)")) {
            ps.setString(1, TENANT.value());
            ps.execute();
        }
        return c;
    }

    private static IntervalSeries imports(Connection c) throws SQLException {
        return LoadCurveQuery.run(c, TENANT, household, new CurveRange(DAY.from(), DAY.toExclusive(), CurveRange.BERLIN)).imports();
    }

    @Test
    void both_gaps_are_filled_once_read_back_by_the_curve_and_a_late_true_value_replaces_its_gap() throws Exception {
        try (Connection c = bound()) {
            SubstituteOutcome first = SubstituteRun.run(c, TENANT, household, "operator", DAY);
            assertThat(first).isEqualTo(new SubstituteOutcome(3 + 23, 0, 0));
            c.commit();
        }
        try (Connection c = bound()) {
            assertThat(SubstituteRun.run(c, TENANT, household, "operator", DAY)).as("second run")
                    .isEqualTo(new SubstituteOutcome(0, 0, 0));
            IntervalSeries series = imports(c);
            int nine = (int) ((at("2026-02-02T08:15").getEpochSecond() - series.startEpochSecond()) / 900);
            assertThat(series.readingSubstituteMethod(nine)).isEqualTo("linear");
            assertThat(series.readingAt(nine)).isEqualByComparingTo(series.readingAt(nine - 1).add(java.math.BigDecimal.TEN));
            int noon = (int) ((at("2026-02-02T12:00").getEpochSecond() - series.startEpochSecond()) / 900);
            assertThat(series.substituteMethod(noon)).isEqualTo("profile");
            assertThat(series.energyWhSum(noon, noon + 24)).isEqualByComparingTo("240");
            assertThat(series.gapCount()).isZero();
            c.commit();
        }
        try (Connection c = bound()) {
            Instant late = at("2026-02-02T14:00");
            int marked = SubstituteRows.replaceByTrueValues(c, TENANT.value(), household, batch,
                    new String[] {"1-0:1.8.0*255"}, new Long[] {late.getEpochSecond()});
            assertThat(marked).as("the whole six-hour gap").isEqualTo(23);
            c.commit();
        }
        try (Connection c = bound();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE replaced_at IS NULL),"
                     + " count(*) FILTER (WHERE replaced_by_batch_id = " + batch + ") FROM substitute_value")) {
            rs.next();
            assertThat(rs.getInt(1)).as("current: the one-hour gap's").isEqualTo(3);
            assertThat(rs.getInt(2)).as("kept as history").isEqualTo(23);
        }
    }
}
