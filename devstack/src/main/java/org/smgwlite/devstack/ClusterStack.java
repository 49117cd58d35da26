package org.smgwlite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The clustered mode's running platform ({@code ./run.sh --nodes N}, and the {@code -P cluster} integration tests): the
 * deployment group's instances with the platform deployed and the device port configured, and the load balancer in
 * front. Started on a running DAS ({@link PayaraServer#start(RunLayout, java.util.Map, boolean)} with {@code clustered});
 * node 1 first and alone (its first start migrates the database, makes the development root and seeds the demo), then
 * the others, then the device port's listener on the group's configuration (the first time with a stop and start of the
 * group: the valve is read at start), then HAProxy.
 *
 * <p>For the fault tests it also kills one instance's JVM ({@link #kill}: SIGKILL, no orderly shutdown) and starts it
 * again with {@code asadmin start-instance} ({@link #restart}).
 */
public final class ClusterStack implements AutoCloseable {

    /** How a caller reports each start step (the run command times them on the console). */
    @FunctionalInterface
    public interface Steps {
        void run(String what, Runnable step);
    }

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

    private final PayaraServer das;
    private final PayaraCluster cluster;
    private final int nodes;
    private final String readinessPath;
    private volatile LoadBalancer balancer;

    private ClusterStack(PayaraServer das, PayaraCluster cluster, int nodes, String readinessPath) {
        this.das = das;
        this.cluster = cluster;
        this.nodes = nodes;
        this.readinessPath = readinessPath;
    }

    /**
     * Makes {@code das} the administration server of {@code nodes} instances, deploys {@code ear} to them, configures the
     * device port and starts the load balancer; returns when the platform answers {@code readinessUrl} through it.
     *
     * @throws StartupException naming the part that did not start (the caller stops the DAS, which stops the group)
     */
    public static ClusterStack start(PayaraServer das, RunLayout layout, Path ear, int nodes, URI readinessUrl, Duration timeout,
                                     Steps steps) {
        String readiness = readinessUrl.getPath();
        PayaraCluster[] created = new PayaraCluster[1];
        steps.run("Payara deployment group (" + nodes + " nodes)", () -> created[0] = das.cluster(nodes));
        ClusterStack stack = new ClusterStack(das, created[0], nodes, readiness);
        PayaraCluster cluster = stack.cluster;
        steps.run("Node 1 and deployment of " + ear.getFileName(), () -> {
            cluster.start(1);
            das.deploy(ear, DevStack.APPLICATION_NAME, PayaraCluster.GROUP);
            cluster.awaitReady(1, readiness, timeout);
        });
        for (int node = 2; node <= nodes; node++) {
            int n = node;
            steps.run("Node " + n, () -> {
                cluster.start(n);
                cluster.awaitReady(n, readiness, timeout);
            });
        }
        // with every instance running: asadmin reports a configuration change that it cannot pass on to a stopped
        // instance as failed
        steps.run("Device port listener of the group", () -> {
            if (DevicePort.configure(das.home(), cluster.devicePortTarget(DevicePort.storesDir(das.home())), das.asadminLog())) {
                for (int node = 1; node <= nodes; node++) {
                    cluster.awaitReady(node, readiness, timeout);
                }
            }
        });
        steps.run("Load balancer (HAProxy)", () -> stack.balancer = LoadBalancer.start(layout, nodes, readiness));
        try {
            das.awaitReady(readinessUrl, timeout);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public int nodes() {
        return nodes;
    }

    /** {@code smgw-node<node>}. */
    public static String instance(int node) {
        return PayaraCluster.instance(node);
    }

    /** The node's own HTTP port (REST API, admin UI), past the balancer. */
    public static int httpPort(int node) {
        return PayaraCluster.httpPort(node);
    }

    /** The node's own device port, past the balancer. */
    public static int devicePort(int node) {
        return PayaraCluster.devicePort(node);
    }

    /** The balancer's status page (HAProxy; {@code ;csv} appended gives it as CSV). */
    public static URI balancerStatus() {
        return URI.create("http://127.0.0.1:" + LoadBalancer.STATS_PORT + "/");
    }

    /** The instance's folder ({@code config/}, {@code logs/}) under the DAS's node {@code localhost-domain1}. */
    public Path instanceDir(int node) {
        return das.home().resolve("glassfish/nodes/localhost-" + PayaraServer.DOMAIN + "/" + instance(node));
    }

    /** The instance's server logs, the current one and any rotated ones ({@code server.log*}). */
    public List<Path> serverLogs(int node) {
        Path logs = instanceDir(node).resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("server.log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The running JVM of the instance: the pid its {@code config/pid} names if that process is the instance, else the
     * Java process whose command line names the instance's folder.
     *
     * @throws IllegalStateException if the instance runs no JVM
     */
    public ProcessHandle process(int node) {
        Path dir = instanceDir(node);
        Optional<ProcessHandle> byPidFile = pidFile(dir.resolve("config/pid")).flatMap(ProcessHandle::of)
                .filter(p -> isInstance(p, dir, node));
        return byPidFile.or(() -> ProcessHandle.allProcesses().filter(p -> isInstance(p, dir, node)).findFirst())
                .orElseThrow(() -> new IllegalStateException(instance(node) + " runs no JVM (none names " + dir + ")"));
    }

    /**
     * SIGKILL to the instance's JVM (no shutdown hooks, no orderly undeploy); returns once it is gone. {@code jvm} is what
     * {@link #process} found beforehand, so that the kill itself takes no time to look it up.
     */
    public static void kill(ProcessHandle jvm) {
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(KILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("pid " + jvm.pid() + " still runs " + KILL_TIMEOUT.toSeconds() + " s after SIGKILL", e);
        }
    }

    /** {@code asadmin start-instance} (after {@link #kill}, or a stop); returns when the node answers its readiness URL. */
    public void restart(int node, Duration timeout) {
        cluster.start(node);
        cluster.awaitReady(node, readinessPath, timeout);
    }

    private static Optional<Long> pidFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isInstance(ProcessHandle process, Path dir, int node) {
        return namesInstance(commandLine(process), dir, instance(node));
    }

    /**
     * True if {@code commandLine} (ending in a space) is the instance's server JVM: it names the instance folder (as
     * {@code -Dcom.sun.aas.instanceRoot=}) or the instance ({@code -Dcom.sun.aas.instanceName=}, {@code -instancename}),
     * as Payara's launcher starts it. {@code asadmin start-instance} and its helpers name the instance too, but by none
     * of these.
     */
    static boolean namesInstance(String commandLine, Path dir, String instance) {
        String folder = dir.toAbsolutePath().normalize().toString();
        return commandLine.contains("=" + folder + " ") || commandLine.contains("=" + folder + "/")
                || commandLine.contains("-instancename " + instance + " ") || commandLine.contains("instanceName=" + instance + " ");
    }

    /** The full command line, NULs as spaces (from {@code /proc}, which ProcessHandle may cut short), with a space at the end. */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException gone) {
            return "";
        }
        return process.info().commandLine().map(line -> line + " ").orElse("");
    }

    /** Stops the load balancer; the instances stop with the DAS ({@link PayaraServer#close}). */
    @Override
    public void close() {
        LoadBalancer running = balancer;
        if (running != null) {
            running.close();
        }
    }
}
