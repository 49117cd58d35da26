package org.smgwlite.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Server 6, {@code domain1}, started with {@code asadmin start-domain}.
 *
 * <p>The domain JVM is forked by asadmin and inherits asadmin's environment, so the platform's settings
 * are passed as environment variables and MicroProfile Config reads them ({@link PlatformSetting}). A domain
 * keeps its environment for its whole life: a domain left running by an earlier run is stopped first.
 * The server log is redirected into the run folder's {@code logs/} when the distribution is first set up.
 */
public final class PayaraServer implements AutoCloseable {

    public static final int HTTP_PORT = 8080;
    public static final int HTTPS_PORT = 8181;
    public static final int ADMIN_PORT = 4848;
    public static final String DOMAIN = "domain1";
    /** The platform's PKI folder ({@code smgw.pki.dir}); by default the server's own instance folder. */
    static final String PKI_DIR_ENV = "SMGW_PKI_DIR";
    /** {@code smgw.device-port.url}: the device port's URL as gateways are told it. */
    static final String DEVICE_PORT_URL_ENV = "SMGW_DEVICE_PORT_URL";
    static final String SERVER_LOG = "payara-server.log";
    static final String ASADMIN_LOG = "payara-asadmin.log";
    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long DEPLOY_TIMEOUT_SECONDS = 600;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Path home;
    private final Path asadminLog;
    private final Path serverLog;
    private final Map<String, String> env;
    private volatile String deployed;
    private volatile String deployedTo = "server";
    private volatile PayaraCluster cluster;

    private PayaraServer(Path home, Path asadminLog, Path serverLog, Map<String, String> env) {
        this.home = home;
        this.asadminLog = asadminLog;
        this.serverLog = serverLog;
        this.env = env;
    }

    /**
     * Starts {@code domain1} with {@code env} in its environment; returns when asadmin reports it running
     * (applications already deployed may still be loading).
     */
    public static PayaraServer start(RunLayout layout, Map<String, String> env) {
        return start(layout, env, false);
    }

    /**
     * {@link #start(RunLayout, Map)}; {@code clustered}: the domain will administer a deployment group
     * ({@link #cluster}), whose instances share the domain's PKI folder (one machine), named to them by
     * {@code SMGW_PKI_DIR} in the environment they inherit.
     */
    public static PayaraServer start(RunLayout layout, Map<String, String> env, boolean clustered) {
        Path home = Distribution.unpack(BuildInfo.load().payaraZip(), layout.servers());
        Path serverLog = layout.log(SERVER_LOG);
        Map<String, String> environment = new java.util.HashMap<>(env);
        if (clustered) {
            environment.putIfAbsent(PKI_DIR_ENV, DevicePort.storesDir(home).getParent().toString());
            // every instance serves the device port on a port of its own; gateways reach them through the balancer
            environment.putIfAbsent(DEVICE_PORT_URL_ENV, "https://localhost:" + DevicePort.PORT);
        }
        PayaraServer server = new PayaraServer(home, layout.log(ASADMIN_LOG), serverLog, Map.copyOf(environment));
        server.redirectServerLog();
        DevicePort.installLibrary(home); // read by the domain at start
        if (Processes.portInUse(ADMIN_PORT)) {
            // Ours from an interrupted run, most likely: it would keep its old environment.
            server.asadmin(STOP_TIMEOUT_SECONDS, "stop-domain", DOMAIN);
        }
        for (int port : new int[] {ADMIN_PORT, HTTP_PORT, HTTPS_PORT}) {
            Processes.requireFree(port, "Payara", "another application server is running");
        }
        if (server.asadmin(START_TIMEOUT_SECONDS, "start-domain", DOMAIN) != 0) {
            throw new StartupException("Payara", "asadmin start-domain failed", serverLog);
        }
        return server;
    }

    /** Deploys (or redeploys) an EAR or WAR under {@code name}; asadmin returns when the deployment is done. */
    public void deploy(Path archive, String name) {
        deploy(archive, name, "server");
    }

    /**
     * Deploys to {@code target}: {@code server} (the DAS itself) or a deployment group, whose running instances load it
     * now and the others when they start.
     */
    public void deploy(Path archive, String name, String target) {
        if (asadmin(DEPLOY_TIMEOUT_SECONDS, "deploy", "--force=true", "--target", target, "--name", name,
                archive.toAbsolutePath().toString()) != 0) {
            throw new StartupException("Payara", "deployment of " + archive + " failed (asadmin output: " + asadminLog + ")", serverLog);
        }
        deployed = name;
        deployedTo = target;
    }

    public void awaitReady(URI url, Duration timeout) {
        Readiness.await(url, timeout, "Payara", serverLog, () -> Processes.portInUse(ADMIN_PORT));
    }

    public Path serverLog() {
        return serverLog;
    }

    /** The unpacked distribution ({@code bin/asadmin}, {@code glassfish/domains}). */
    public Path home() {
        return home;
    }

    Path asadminLog() {
        return asadminLog;
    }

    /**
     * Undeploys what this run deployed, so the next start does not load a stale EAR before redeploying,
     * and stops the domain.
     */
    @Override
    public void close() {
        String name = deployed;
        if (name != null) {
            asadmin(STOP_TIMEOUT_SECONDS, "undeploy", "--target", deployedTo, name);
        }
        PayaraCluster group = cluster;
        if (group != null) {
            group.stop();
        }
        if (asadmin(STOP_TIMEOUT_SECONDS, "stop-domain", DOMAIN) != 0) {
            asadmin(STOP_TIMEOUT_SECONDS, "stop-domain", "--kill=true", DOMAIN);
        }
    }

    /**
     * Turns this domain into the administration server of a deployment group of {@code nodes} instances
     * ({@link PayaraCluster}); {@code nodes} 1 makes sure it serves on its usual ports itself.
     */
    PayaraCluster cluster(int nodes) {
        if (nodes == 1) {
            PayaraCluster.releaseDasPorts(this);
            return null;
        }
        cluster = PayaraCluster.create(this, nodes);
        return cluster;
    }

    /** Runs asadmin commands in one multimode session; a failure of any names {@code component} and the log. */
    void multimode(String component, List<String> commands, long timeoutSeconds) {
        try {
            Path file = Files.createTempFile("smgw-asadmin", ".commands");
            Path out = Files.createTempFile("smgw-asadmin", ".out");
            try {
                Files.write(file, commands);
                int exit = Processes.run(command("multimode", "--file", file.toString()), home, env, out, timeoutSeconds);
                String output = Files.readString(out);
                Files.writeString(asadminLog, output, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                // multimode reports success even when one of its commands failed
                if (exit != 0 || output.contains(" failed.")) {
                    throw new StartupException(component, "asadmin failed (output: " + asadminLog + ")", serverLog);
                }
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What asadmin prints for {@code args}. */
    String asadminOutput(String... args) {
        try {
            Path out = Files.createTempFile("smgw-asadmin", ".out");
            try {
                Processes.run(command(args), home, env, out, STOP_TIMEOUT_SECONDS);
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one asadmin command; a non-zero exit is a {@link StartupException} naming {@code what}. */
    void asadminOrFail(String what, long timeoutSeconds, String... args) {
        if (asadmin(timeoutSeconds, args) != 0) {
            throw new StartupException("Payara", "asadmin " + what + " failed (output: " + asadminLog + ")", serverLog);
        }
    }

    int asadmin(long timeoutSeconds, String... args) {
        return Processes.run(command(args), home, env, asadminLog, timeoutSeconds);
    }

    private List<String> command(String... args) {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(windows ? "asadmin.bat" : "asadmin").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Points the domain's file log handler at the run folder's logs, once. */
    private void redirectServerLog() {
        Path properties = home.resolve("glassfish/domains/" + DOMAIN + "/config/logging.properties");
        String key = "com.sun.enterprise.server.logging.GFFileHandler.file=";
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(properties));
            String wanted = key + serverLog.toAbsolutePath().toString().replace('\\', '/');
            if (lines.contains(wanted)) {
                return;
            }
            lines.replaceAll(line -> line.startsWith(key) ? wanted : line);
            Files.write(properties, lines);
        } catch (IOException e) {
            throw new StartupException("Payara", "cannot set the log file in " + properties + ": " + e.getMessage(), null, e);
        }
    }
}
