package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.sql;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.devstack.demo.DemoFleet;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveQuery;

/**
 * The run command's demo fleet against the deployed platform: a demo gateway registers through the operator API,
 * enrolls with its one-time code, makes two days of history through the agent's decoder and TAF 7 engine, and
 * uploads it over the device port; the load curve query then shows a whole day without a gap. A second start
 * reuses the gateway and its keys and sends only what is new.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoFleetIT {

    private static final String TENANT = "stadtwerke-demo";
    private static final String IMPORT = "1-0:1.8.0*255";

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    @Test
    void a_demo_gateway_uploads_its_history_the_curve_shows_it_and_a_second_start_reuses_the_gateway(@TempDir Path state)
            throws Exception {
        Path rootChain = ItPlatform.openDevicePort("device-port-asadmin-demo.log");
        String login = "demo-it-" + UUID.randomUUID().toString().substring(0, 8);
        String melo = ("DE" + UUID.randomUUID().toString().replace("-", "") + "00000").toUpperCase().substring(0, 33);
        long household = Long.parseLong(sql("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id,"
                + " meter_id, viewer_username) VALUES (?, 'Demo IT', 'Teststr. 2', '12345', 'Teststadt', ?, '1ESY0000000002', ?)"
                + " RETURNING id", TENANT, melo, login).get(0));
        DemoFleet.Settings settings = new DemoFleet.Settings(URI.create("http://localhost:8080/api"),
                URI.create("https://localhost:" + DevicePort.PORT), rootChain, state, state.resolve("logs"), TENANT, List.of(login),
                DemoFleetIT::operatorToken, 2, Clock.systemUTC());

        DemoFleet.Outcome first = run(settings);

        assertThat(first.problem()).as(first.line()).isNull();
        assertThat(first.householdId()).isEqualTo(household);
        assertThat(first.enrolledNow()).isTrue();
        assertThat(first.accepted()).as(first.line()).isEqualTo(first.values()).isGreaterThan(2 * 96 * 4);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (String obis : List.of(IMPORT, "1-0:1.8.1*255", "1-0:1.8.2*255", "1-0:2.8.0*255")) {
            assertThat(sql("SELECT count(*) FROM meter_reading WHERE household_id = ?::bigint AND obis = ?"
                    + " AND slot_start >= ?::date AND slot_start < ?::date + 1", String.valueOf(household), obis,
                    yesterday.toString(), yesterday.toString())).as(obis).containsExactly("96");
        }
        assertThat(sql("SELECT count(*) FROM meter_reading WHERE household_id = ?::bigint", String.valueOf(household)))
                .containsExactly(String.valueOf(first.accepted()));

        // the household's page: yesterday in Berlin time, every quarter hour with energy, the day's total exact
        CurveRange day = CurveRange.around(yesterday, CurveRange.Span.DAY, CurveRange.BERLIN);
        LoadCurve curve;
        try (Connection c = DriverManager.getConnection(ItPlatform.DB_URL, "postgres", "postgres")) {
            curve = LoadCurveQuery.run(c, TenantId.of(TENANT), household, day);
        }
        IntervalSeries imports = curve.imports();
        assertThat(imports.size()).isEqualTo(day.slotCount());
        for (int i = 0; i < imports.size(); i++) {
            assertThat(imports.isGap(i)).as("import interval at " + imports.intervalStart(i)).isFalse();
        }
        BigDecimal registerDifference = register(household, day.to()).subtract(register(household, day.from()));
        assertThat(curve.daily().get(0).importWh()).isEqualByComparingTo(registerDifference).isPositive();
        assertThat(curve.daily().get(0).exportWh()).as("the first demo meter has PV").isPositive();

        DemoFleet.Outcome second = run(settings);

        assertThat(second.problem()).as(second.line()).isNull();
        assertThat(second.gatewayId()).isEqualTo(first.gatewayId());
        assertThat(second.enrolledNow()).as("keys kept").isFalse();
        assertThat(second.historyFrom()).as("continues after the newest stored slot")
                .isAfter(first.caughtUpAt().minus(Duration.ofMinutes(16)));
        assertThat(sql("SELECT count(*) FROM gateway WHERE household_id = ?::bigint", String.valueOf(household))).containsExactly("1");
        assertThat(sql("SELECT count(*) FROM meter_reading WHERE household_id = ?::bigint", String.valueOf(household)))
                .containsExactly(String.valueOf(first.accepted() + second.accepted()));
    }

    private static DemoFleet.Outcome run(DemoFleet.Settings settings) throws Exception {
        try (DemoFleet fleet = DemoFleet.start(settings)) {
            List<DemoFleet.Outcome> outcomes = fleet.awaitFirstUploads(Duration.ofMinutes(2));
            assertThat(outcomes).hasSize(1);
            return outcomes.get(0);
        }
    }

    private static BigDecimal register(long household, java.time.Instant slot) throws Exception {
        return new BigDecimal(sql("SELECT value_unscaled * power(10::numeric, scaler) FROM meter_reading"
                + " WHERE household_id = ?::bigint AND obis = ? AND slot_start = ?::timestamptz",
                String.valueOf(household), IMPORT, slot.toString()).get(0));
    }

    private static String operatorToken() {
        try {
            return KeycloakTokens.accessToken("http://localhost:8180/realms/smgw", "operator");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
