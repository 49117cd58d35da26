package org.smgwlite.platform.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.devstack.DevicePort;

/**
 * What the client-side integration tests reach past the HTTP API: the test database that
 * {@link ItServices} started, and the device port of the Payara that Arquillian started.
 */
final class ItPlatform {

    static final String DB_URL = "jdbc:postgresql://localhost:54329/smgw";

    private ItPlatform() {
    }

    /**
     * Runs {@code query} with string parameters and returns the first column of every row (none for
     * a statement without a result set).
     */
    static List<String> sql(String query, String... parameters) throws Exception {
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
        DevicePort.configure(payaraHome, Path.of("target", asadminLogName).toAbsolutePath());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket socket = new Socket("localhost", DevicePort.PORT)) {
                return payaraHome.resolve("glassfish/domains/domain1/smgw-pki/root/ca-chain.pem");
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("device port " + DevicePort.PORT + " does not accept connections");
                }
                Thread.sleep(500);
            }
        }
    }
}
