package org.smgwlite.platform.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.smgwlite.devstack.ClusterStack;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.devstack.PayaraServer;
import org.smgwlite.devstack.RunLayout;
import org.smgwlite.devstack.StackConfig;
import org.smgwlite.platform.it.ItPlatform;
import org.smgwlite.platform.it.ItServices;

/**
 * The two-node platform the cluster tests share, started once per test session on first use, as {@code ./run.sh --nodes 2}
 * starts it ({@link ClusterStack}): a DAS, deployment group {@code smgw-group} of {@code smgw-node1} and {@code smgw-node2},
 * HAProxy in front on the usual ports (8080 HTTP, 8443 device port), over the session's PostgreSQL and Keycloak
 * ({@link ItServices}). The platform's settings come from the environment failsafe sets (this module's pom.xml), as the
 * run command reads them. Stopped when the session ends.
 *
 * <p>Node {@code n} answers past the balancer on {@link #base(int)} (HTTP {@code 2n080}) and {@link #device(int)} (device
 * port {@code 2n443}); {@link ItPlatform#BASE} and {@link ItPlatform#DEVICE} reach the balancer.
 */
public final class ItCluster {

    public static final int NODES = 2;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
    private static ItCluster running;
    private static RuntimeException failedToStart;

    private final ClusterStack stack;
    private final Path rootChain;
    private final Path logs;

    private ItCluster(PayaraServer das, ClusterStack stack, Path logs) {
        this.stack = stack;
        this.rootChain = DevicePort.storesDir(das.home()).resolveSibling("root").resolve("ca-chain.pem");
        this.logs = logs;
    }

    /**
     * The running cluster; the first call starts it (several minutes). A start that failed fails every later call with
     * the same cause, rather than starting again.
     */
    public static synchronized ItCluster get() {
        if (failedToStart != null) {
            throw new IllegalStateException("the cluster did not start: " + failedToStart.getMessage(), failedToStart);
        }
        if (running == null) {
            try {
                running = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return running;
    }

    private static ItCluster start() {
        String ear = System.getProperty("smgw.it.ear");
        if (ear == null) {
            throw new IllegalStateException("no platform EAR: run the cluster tests with mvn verify -P cluster (failsafe)");
        }
        RunLayout layout = RunLayout.locate();
        StackConfig config = StackConfig.resolve(List.of("--nodes", Integer.toString(NODES), ear), System.getenv(), layout.repoDir());
        long started = System.nanoTime();
        PayaraServer das = PayaraServer.start(layout, config.platformEnvironment(), true);
        ItServices.closeAtEnd(das); // undeploys, stops the group, stops the DAS
        ClusterStack stack = ClusterStack.start(das, layout, config.ear(), NODES, config.readinessUrl(), READY_TIMEOUT,
                (what, step) -> {
                    long t = System.nanoTime();
                    step.run();
                    System.out.printf(Locale.ROOT, "ItCluster: %-40s ready in %5.1f s%n", what, (System.nanoTime() - t) / 1e9);
                });
        ItServices.closeAtEnd(stack); // the balancer, before the DAS
        System.out.printf(Locale.ROOT, "ItCluster: %d nodes behind HAProxy up in %.1f s (logs %s)%n", NODES,
                (System.nanoTime() - started) / 1e9, layout.logs());
        return new ItCluster(das, stack, layout.logs());
    }

    /** Node {@code node}'s own HTTP address, past the balancer. */
    public static String base(int node) {
        return "http://localhost:" + ClusterStack.httpPort(node);
    }

    /** Node {@code node}'s own device port, past the balancer. */
    public static String device(int node) {
        return "https://localhost:" + ClusterStack.devicePort(node);
    }

    /** The platform root CA's chain file: what a gateway trusts. */
    public Path rootChain() {
        return rootChain;
    }

    public ClusterStack stack() {
        return stack;
    }

    /**
     * Every node's server logs, and the run folder's Payara logs ({@code payara-server.log*}, where the DAS writes, and
     * the instances too if their configuration names that file).
     */
    public List<Path> serverLogs() throws IOException {
        List<Path> all = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            all.addAll(stack.serverLogs(node));
        }
        try (Stream<Path> files = Files.list(logs)) {
            files.filter(f -> f.getFileName().toString().startsWith("payara-server.log")).sorted().forEach(all::add);
        }
        return all;
    }

    /** Starts node {@code node} again if its JVM is gone (a fault test that failed between its kill and its restart). */
    public void ensureRunning(int node) {
        try {
            stack.process(node);
        } catch (IllegalStateException gone) {
            stack.restart(node, READY_TIMEOUT);
        }
    }

    /** The pid of node {@code node}'s JVM. */
    public long pid(int node) {
        return stack.process(node).pid();
    }

    /** The demo operator calls {@code /api/tenants/stadtwerke-demo<path>} on node {@code node} (JSON body, or null for GET). */
    public static HttpResponse<String> operatorOn(int node, String method, String path, String json) throws Exception {
        return ItPlatform.tenantCall(base(node), "operator", ItPlatform.TENANT, method, path, json);
    }

    /** Every node's readiness URL answers 200 (asked directly, past the balancer). */
    public static List<Integer> readiness() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            statuses.add(java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(base(node) + "/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }
}
