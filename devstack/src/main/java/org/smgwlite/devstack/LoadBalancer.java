package org.smgwlite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's {@code haproxy} package) in front of the clustered mode's instances ({@link PayaraCluster}):
 * <ul>
 *   <li>{@value PayaraServer#HTTP_PORT}: HTTP, round robin, checked on each node's readiness URL (see below); a request with a
 *       {@code JSESSIONID} (the admin UI's Vaadin session, the OIDC login) stays on the node that made the session:
 *       HAProxy prefixes the cookie with the node's name and strips it again. The REST API (bearer tokens, no
 *       session) spreads over all nodes.</li>
 *   <li>{@value DevicePort#PORT}: the device port as TCP, TLS untouched, so client certificates reach Payara; round
 *       robin per connection, a node is taken out when its readiness URL does not answer.</li>
 *   <li>{@value PayaraServer#HTTPS_PORT}: the browser HTTPS port as TCP, by client address.</li>
 *   <li>{@value #STATS_PORT} on 127.0.0.1: HAProxy's status page (which node is up, sessions per node).</li>
 * </ul>
 * A node counts as up while its readiness URL answers at all, 200 or 503: during a database outage every node answers
 * 503 with {@code Retry-After} itself, which gateways and operators must get (HAProxy taking all nodes out would answer
 * the device port's TLS with a closed connection and HTTP with its own 503 without a retry time). A node that does not
 * answer (killed, hung) is out after two failed checks; a connection that finds it dead before that is dispatched to
 * another node ({@code option redispatch}).
 *
 * <p>The configuration is written to {@code .run/haproxy.cfg} on every start.
 */
final class LoadBalancer implements AutoCloseable {

    static final int STATS_PORT = 8404;
    static final String LOG = "haproxy.log";
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final long STOP_GRACE_SECONDS = 5;

    private final Process process;

    private LoadBalancer(Process process) {
        this.process = process;
    }

    /** Writes the configuration for {@code nodes} instances and starts HAProxy; returns when it listens. */
    static LoadBalancer start(RunLayout layout, int nodes, String readinessPath) {
        Path binary = HAPROXY;
        if (!Files.isExecutable(binary)) {
            throw new StartupException("Load balancer", "the clustered mode needs HAProxy (" + binary
                    + "): apt-get install haproxy (./run.sh --nodes installs it when it may)", null);
        }
        for (int port : new int[] {PayaraServer.HTTP_PORT, PayaraServer.HTTPS_PORT, DevicePort.PORT, STATS_PORT}) {
            Processes.requireFree(port, "Load balancer", "another server is running");
        }
        Path config = layout.runDir().resolve("haproxy.cfg");
        Path log = layout.log(LOG);
        try {
            Files.writeString(config, configuration(nodes, readinessPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Processes.run(List.of(binary.toString(), "-c", "-q", "-f", config.toString()), layout.runDir(), Map.of(), log, 30) != 0) {
            throw new StartupException("Load balancer", "HAProxy refused its configuration " + config, log);
        }
        Process process = Processes.start(List.of(binary.toString(), "-db", "-f", config.toString()), layout.runDir(), Map.of(), log);
        LoadBalancer balancer = new LoadBalancer(process);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Processes.portInUse(PayaraServer.HTTP_PORT)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                balancer.close();
                throw new StartupException("Load balancer", "HAProxy did not start", log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                balancer.close();
                throw new StartupException("Load balancer", "interrupted", log);
            }
        }
        return balancer;
    }

    /** HAProxy's configuration for {@code nodes} instances (see the class comment). */
    static String configuration(int nodes, String readinessPath) {
        return """
                global
                    maxconn 8192

                defaults
                    timeout connect 5s
                    # longer than the longest TAF 6 long poll (60 s) plus its grace
                    timeout client 120s
                    timeout server 120s
                    # a node's readiness may wait for its database pool during an outage; it still answers
                    timeout check 10s
                    default-server inter 2s fall 2 rise 2
                    retries 3
                    option redispatch

                frontend http
                    mode http
                    bind :%1$d
                    option forwardfor
                    default_backend nodes_http

                backend nodes_http
                    mode http
                    balance roundrobin
                    option httpchk GET %5$s
                    http-check expect rstatus ^(200|503)$
                    cookie JSESSIONID prefix nocache
                %2$s
                frontend device_port
                    mode tcp
                    bind :%3$d
                    default_backend nodes_device_port

                backend nodes_device_port
                    mode tcp
                    balance roundrobin
                    option httpchk GET %5$s
                    http-check expect rstatus ^(200|503)$
                %6$s
                frontend https
                    mode tcp
                    bind :%4$d
                    default_backend nodes_https

                backend nodes_https
                    mode tcp
                    balance source
                    option httpchk GET %5$s
                    http-check expect rstatus ^(200|503)$
                %7$s
                listen stats
                    mode http
                    bind 127.0.0.1:%8$d
                    stats enable
                    stats uri /
                """.formatted(PayaraServer.HTTP_PORT,
                servers(nodes, node -> PayaraCluster.httpPort(node) + " check cookie " + PayaraCluster.instance(node)),
                DevicePort.PORT, PayaraServer.HTTPS_PORT, readinessPath,
                servers(nodes, node -> PayaraCluster.devicePort(node) + " check port " + PayaraCluster.httpPort(node)),
                servers(nodes, node -> PayaraCluster.httpsPort(node) + " check port " + PayaraCluster.httpPort(node)),
                STATS_PORT);
    }

    private static String servers(int nodes, IntFunction<String> portAndOptions) {
        return IntStream.rangeClosed(1, nodes)
                .mapToObj(node -> "    server " + PayaraCluster.instance(node) + " 127.0.0.1:" + portAndOptions.apply(node) + "\n")
                .collect(Collectors.joining());
    }

    @Override
    public void close() {
        Processes.destroyTree(process.toHandle(), STOP_GRACE_SECONDS);
    }
}
