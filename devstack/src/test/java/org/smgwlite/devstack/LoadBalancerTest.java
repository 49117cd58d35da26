package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadBalancerTest {

    @Test
    void everyNodeServesEveryPortTheBrowserSessionSticksAndTheDevicePortStaysTls() {
        String config = LoadBalancer.configuration(3, "/health/ready");

        assertThat(config).contains(
                "    server smgw-node1 127.0.0.1:21080 check cookie smgw-node1\n",
                "    server smgw-node3 127.0.0.1:23080 check cookie smgw-node3\n",
                "    server smgw-node2 127.0.0.1:22443 check port 22080\n",
                "    server smgw-node3 127.0.0.1:23081 check port 23080\n",
                "cookie JSESSIONID prefix nocache",
                "option httpchk GET /health/ready",
                "option redispatch");
        // a node that answers its readiness with 503 (database away) stays in: it answers 503 + Retry-After itself
        assertThat(config.split(java.util.regex.Pattern.quote("http-check expect rstatus ^(200|503)$"), -1))
                .as("in each of the three backends").hasSize(4);
        // the device port is passed through as TCP: HAProxy must not end the TLS (client certificates reach Payara)
        String devicePort = config.substring(config.indexOf("frontend device_port"), config.indexOf("frontend https"));
        assertThat(devicePort).contains("mode tcp", "bind :8443").doesNotContain("ssl", "crt");
    }

    /** HAProxy itself accepts the configuration (where it is installed, as the clustered mode needs). */
    @Test
    void haproxyAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assumeTrue(Files.isExecutable(haproxy), "HAProxy is not installed");
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, LoadBalancer.configuration(2, "/health/ready"));

        int exit = Processes.run(List.of(haproxy.toString(), "-c", "-q", "-f", file.toString()), dir, Map.of(), dir.resolve("out"), 30);

        assertThat(exit).as(Files.exists(dir.resolve("out")) ? Files.readString(dir.resolve("out")) : "").isZero();
    }
}
