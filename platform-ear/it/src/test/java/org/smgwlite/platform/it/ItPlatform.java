package org.smgwlite.platform.it;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.smgwlite.devstack.DevicePort;

/**
 * What the client-side integration tests reach past the HTTP API: the test database that
 * {@link ItServices} started, the device port of the Payara that Arquillian started, and gateways
 * registered by the demo operator.
 */
public final class ItPlatform {

    public static final String DB_URL = "jdbc:postgresql://localhost:54329/smgw";
    public static final String BASE = "http://localhost:8080";
    public static final String DEVICE = "https://localhost:" + DevicePort.PORT;
    public static final String TENANT = "stadtwerke-demo";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The demo tenant's operator API (registration and codes); no device-port calls through it. */
    private static final TestGateway.Platform DEMO = new TestGateway.Platform(BASE, DEVICE, TENANT, null);

    private ItPlatform() {
    }

    /**
     * Runs {@code query} with string parameters and returns the first column of every row (none for
     * a statement without a result set).
     */
    public static List<String> sql(String query, String... parameters) throws Exception {
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<String> result = new ArrayList<>();
            if (s.execute()) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        result.add(rs.getString(1));
                    }
                }
            }
            return result;
        }
    }

    /**
     * Creates the device-port listener as the run command does (after the EAR wrote its key and
     * trust stores), waits until it accepts connections, and returns the platform root CA's chain file.
     */
    static Path openDevicePort(String asadminLogName) throws Exception {
        Path payaraHome = Path.of(System.getProperty("payara.home"));
        boolean restarted = DevicePort.configure(payaraHome, Path.of("target", asadminLogName).toAbsolutePath());
        long deadline = System.nanoTime() + Duration.ofSeconds(restarted ? 180 : 30).toNanos();
        while (true) {
            try (Socket socket = new Socket("localhost", DevicePort.PORT)) {
                if (restarted && !ready()) {
                    throw new IOException("the platform is still loading after the restart");
                }
                return payaraHome.resolve("glassfish/domains/domain1/smgw-pki/root/ca-chain.pem");
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("device port " + DevicePort.PORT + " does not accept connections");
                }
                Thread.sleep(500);
            }
        }
    }

    /** True once the platform answers its readiness check (after a restart it loads for ~25 s). */
    private static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A gateway of a household of its own in the demo tenant, registered by the demo operator over the REST API,
     * so that every run and every test starts from an empty series.
     */
    public static String registeredGateway() throws Exception {
        String gw = "RDGW" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        DEMO.registerGateway(operatorToken(), gw, newHousehold(TENANT, "Readings IT"));
        return gw;
    }

    /** A new household of {@code tenant} with a random Messlokation (SQL, as the database owner); its id. */
    public static long newHousehold(String tenant, String name) throws Exception {
        String mlo = ("DE" + UUID.randomUUID().toString().replace("-", "") + "00000").toUpperCase().substring(0, 33);
        return Long.parseLong(sql("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                + " VALUES (?, ?, 'Teststr. 1', '12345', 'Teststadt', ?, '1ESY0000000001') RETURNING id", tenant, name, mlo).get(0));
    }

    /**
     * A new tariff profile of {@code tenant} with one version from 2020-01-01, one zone "ALL" all week (SQL, as the
     * database owner); its id.
     */
    static long newTariffProfile(String tenant, String name) throws Exception {
        long id = Long.parseLong(sql("INSERT INTO tariff_profile (tenant_id, name) VALUES (?, ?) RETURNING id", tenant, name).get(0));
        sql("WITH v AS (INSERT INTO tariff_profile_version (tenant_id, profile_id, valid_from, created_by)"
                + " VALUES (?, CAST(? AS bigint), DATE '2020-01-01', 'it') RETURNING tenant_id, id)"
                + " INSERT INTO tariff_zone_rule (tenant_id, version_id, position, zone, days, from_minute, to_minute)"
                + " SELECT tenant_id, id, 0, 'ALL', 127, 0, 1440 FROM v", tenant, String.valueOf(id));
        return id;
    }

    public static long householdOfGateway(String gw) throws Exception {
        return Long.parseLong(sql("SELECT household_id FROM gateway WHERE tenant_id = ? AND gateway_id = ?", TENANT, gw).get(0));
    }

    /** A new one-time enrollment code for the gateway, from the demo operator. */
    public static String enrollmentCode(String gw) throws Exception {
        return DEMO.enrollmentCode(operatorToken(), gw);
    }

    /** The demo operator calls {@code /api/tenants/stadtwerke-demo<path>} (JSON body for POST, null for GET). */
    static HttpResponse<String> operator(String method, String path, String json) throws Exception {
        return tenantCall("operator", TENANT, method, path, json);
    }

    /** {@code user} (password = user name) calls {@code /api/tenants/<tenant><path>} with a bearer token. */
    static HttpResponse<String> tenantCall(String user, String tenant, String method, String path, String json) throws Exception {
        return tenantCall(BASE, user, tenant, method, path, json);
    }

    /** {@link #tenantCall(String, String, String, String, String)} on the platform at {@code base} (one node of a cluster). */
    public static HttpResponse<String> tenantCall(String base, String user, String tenant, String method, String path, String json)
            throws Exception {
        String token = token(user);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/tenants/" + tenant + path))
                .header("Authorization", "Bearer " + token);
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String operatorToken() throws Exception {
        return token("operator");
    }

    /** An access token of {@code user} (password = user name) from the test Keycloak. */
    public static String token(String user) throws Exception {
        return KeycloakTokens.accessToken("http://localhost:8180/realms/smgw", user);
    }
}
