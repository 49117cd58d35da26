package org.smgwlite.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The run command's clustered mode ({@code ./run.sh --nodes N}): a Payara deployment group {@value #GROUP} of
 * {@code N} instances on this machine, managed by the domain's administration server (DAS), sharing one
 * configuration {@value #CONFIG}. The DAS runs no application; its own HTTP ports move to {@value #DAS_HTTP_PORT} /
 * {@value #DAS_HTTPS_PORT}, because the load balancer ({@link LoadBalancer}) takes 8080, 8181 and 8443.
 *
 * <p>Instance {@code n} (from 1) is {@code smgw-node<n>} with the port base {@code 20000 + 1000 n}: HTTP
 * {@code 2n080}, HTTPS {@code 2n081}, device port {@code 2n443} (system property {@value #DEVICE_PORT_PROPERTY} of
 * the instance, which the shared listener names). Instances inherit the DAS's environment, so they get the same
 * platform settings ({@link PlatformSetting}).
 *
 * <p>Everything is created once and kept in the domain ({@code .run/servers}); every start sets it again, so a
 * changed node count adds the missing instances (surplus ones stay stopped). A single-node run afterwards gives the
 * DAS its ports back ({@link #releaseDasPorts}).
 */
final class PayaraCluster {

    static final String GROUP = "smgw-group";
    static final String CONFIG = "smgw-config";
    static final String DEVICE_PORT_PROPERTY = "SMGW_DEVICE_PORT";
    /** The platform's settings (MicroProfile Config reads system properties) for its device port. */
    static final String PLATFORM_DEVICE_PORT = "smgw.device-port.port";
    static final int DAS_HTTP_PORT = 4880;
    static final int DAS_HTTPS_PORT = 4881;
    static final int MAX_NODES = 4;
    private static final String DAS_LISTENERS = "configs.config.server-config.network-config.network-listeners.network-listener.";
    private static final long CREATE_TIMEOUT_SECONDS = 120;
    private static final long START_TIMEOUT_SECONDS = 240;

    private final PayaraServer das;
    private final int nodes;

    private PayaraCluster(PayaraServer das, int nodes) {
        this.das = das;
        this.nodes = nodes;
    }

    static String instance(int node) {
        return "smgw-node" + node;
    }

    static int httpPort(int node) {
        return portBase(node) + 80;
    }

    static int httpsPort(int node) {
        return portBase(node) + 81;
    }

    static int devicePort(int node) {
        return portBase(node) + 443;
    }

    private static int portBase(int node) {
        return 20_000 + 1_000 * node;
    }

    /** The instances' names, {@code smgw-node1 … smgw-node<nodes>}. */
    List<String> instances() {
        return IntStream.rangeClosed(1, nodes).mapToObj(PayaraCluster::instance).toList();
    }

    /**
     * Creates what is missing of the group on the running DAS and moves the DAS's HTTP ports out of the balancer's
     * way; returns the cluster, its instances not started yet.
     */
    static PayaraCluster create(PayaraServer das, int nodes) {
        if (nodes < 2 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes takes 2 to " + MAX_NODES + ", got " + nodes);
        }
        if (IntStream.rangeClosed(1, nodes).anyMatch(node -> Processes.portInUse(httpPort(node)))) {
            // ours from an interrupted run, most likely
            das.asadmin(START_TIMEOUT_SECONDS, "stop-deployment-group", GROUP);
        }
        for (int node = 1; node <= nodes; node++) {
            for (int port : new int[] {httpPort(node), httpsPort(node), devicePort(node)}) {
                Processes.requireFree(port, "Payara " + instance(node), "ports " + portBase(node) + "-" + (portBase(node) + 999)
                        + " belong to this node");
            }
        }
        List<String> commands = new ArrayList<>();
        if (!das.asadminOutput("list-configs").contains(CONFIG)) {
            commands.add("copy-config default-config " + CONFIG);
        }
        if (!das.asadminOutput("list-deployment-groups").contains(GROUP)) {
            commands.add("create-deployment-group " + GROUP);
        }
        String existing = das.asadminOutput("list-instances", "--nostatus");
        // the platform tells the device port's requests by their local port (smgw.device-port.port, per instance)
        // the URL gateways are told (the balancer's) comes with the environment: PayaraServer.start
        // set once: on an instance that exists but is stopped asadmin reports the command failed (not replicated)
        addMissingProperties(das, commands, CONFIG, DEVICE_PORT_PROPERTY + "=" + DevicePort.PORT);
        for (int node = 1; node <= nodes; node++) {
            if (!existing.contains(instance(node))) {
                commands.add("create-instance --node localhost-" + PayaraServer.DOMAIN + " --deploymentgroup " + GROUP
                        + " --config " + CONFIG + " --portbase " + portBase(node) + " " + instance(node));
            }
            addMissingProperties(das, commands, instance(node), DEVICE_PORT_PROPERTY + "=" + devicePort(node),
                    PLATFORM_DEVICE_PORT + "=" + devicePort(node));
        }
        if (das.asadminOutput("list-network-listeners", "server-config").contains(DevicePort.NAME)) {
            // a single-node run gave the DAS a device port on 8443, which the balancer takes now; the next single-node
            // run enables it again (DevicePort.configure)
            commands.add("set " + DAS_LISTENERS + DevicePort.NAME + ".enabled=false");
        }
        commands.add("set " + DAS_LISTENERS + "http-listener-1.port=" + DAS_HTTP_PORT);
        commands.add("set " + DAS_LISTENERS + "http-listener-2.port=" + DAS_HTTPS_PORT);
        das.multimode("Payara cluster", commands, CREATE_TIMEOUT_SECONDS);
        return new PayaraCluster(das, nodes);
    }

    /** Adds a {@code create-system-properties} for those of {@code properties} ({@code name=value}) that {@code target} lacks. */
    private static void addMissingProperties(PayaraServer das, List<String> commands, String target, String... properties) {
        String present = target.startsWith("smgw-node") && !das.asadminOutput("list-instances", "--nostatus").contains(target)
                ? "" : das.asadminOutput("list-system-properties", target);
        List<String> missing = java.util.Arrays.stream(properties).filter(p -> !present.lines().anyMatch(p::equals)).toList();
        if (!missing.isEmpty()) {
            commands.add("create-system-properties --target " + target + " " + String.join(":", missing));
        }
    }

    /**
     * Gives the DAS its usual ports back after a clustered run, so the single-node mode serves on them, and restarts the
     * domain: a port changed on the running DAS is not enough (its applications were not served on 8080 until the
     * restart). Instances a killed clustered run left running are stopped first. A no-op when the ports are the usual
     * ones already.
     */
    static void releaseDasPorts(PayaraServer das) {
        if (das.asadminOutput("get", DAS_LISTENERS + "http-listener-1.port").contains("=" + DAS_HTTP_PORT)) {
            if (das.asadminOutput("list-deployment-groups").contains(GROUP)) {
                das.asadmin(START_TIMEOUT_SECONDS, "stop-deployment-group", GROUP);
            }
            das.multimode("Payara", List.of(
                    "set " + DAS_LISTENERS + "http-listener-1.port=" + PayaraServer.HTTP_PORT,
                    "set " + DAS_LISTENERS + "http-listener-2.port=" + PayaraServer.HTTPS_PORT), CREATE_TIMEOUT_SECONDS);
            das.asadminOrFail("restart-domain", START_TIMEOUT_SECONDS, "restart-domain", PayaraServer.DOMAIN);
        }
    }

    /** Starts one instance; returns when it runs (its applications may still be loading). */
    void start(int node) {
        das.asadminOrFail("start-instance", START_TIMEOUT_SECONDS, "start-instance", instance(node));
    }

    void awaitReady(int node, String readinessPath, Duration timeout) {
        Path log = das.home().resolve("glassfish/nodes/localhost-" + PayaraServer.DOMAIN + "/" + instance(node) + "/logs/server.log");
        Readiness.await(URI.create("http://localhost:" + httpPort(node) + readinessPath), timeout, "Payara " + instance(node), log,
                () -> true);
    }

    /** The device port's listener on the group's configuration, each instance on its own port, stores shared. */
    DevicePort.Target devicePortTarget(Path stores) {
        // the first configuration restarts the group (the valve is read at start); stopped and started rather than
        // restarted: a restart-instance's JVM did not come up once in the cluster harness
        return new DevicePort.Target(CONFIG, "${" + DEVICE_PORT_PROPERTY + "}", CONFIG,
                List.of("stop-deployment-group " + GROUP, "start-deployment-group " + GROUP), stores);
    }

    /** Stops the group's instances; the DAS is stopped by its own {@link PayaraServer#close}. */
    void stop() {
        das.asadmin(START_TIMEOUT_SECONDS, "stop-deployment-group", GROUP);
    }
}
