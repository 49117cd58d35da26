package org.smgwlite.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.smgwlite.devstack.demo.DemoFleet;

/**
 * The run command: PostgreSQL, Keycloak and Payara started side by side, then the platform EAR deployed,
 * until Ctrl-C stops them in reverse order. Server logs go to {@code .run/logs/}; the console gets progress,
 * the URLs and the demo logins.
 */
public final class DevStack implements AutoCloseable {

    public static final String APPLICATION_NAME = "smgw-platform";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final StackConfig config;
    private final RunLayout layout;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Postgres postgres;
    private volatile KeycloakServer keycloak;
    private volatile PayaraServer payara;
    private volatile ClusterStack cluster;
    private volatile DemoFleet fleet;
    private List<String> fleetReport = List.of();

    /**
     * Bouncy Castle's TLS library (the demo gateways' client) logs the JDK security properties it finds, and the ones it
     * ignores, on the console at its first handshake: not news of the run. Errors still show. Held here: JUL keeps
     * loggers weakly, and a collected one would forget its level.
     */
    private static final Logger BOUNCY_CASTLE_TLS = Logger.getLogger("org.bouncycastle.jsse");

    DevStack(StackConfig config, RunLayout layout) {
        this.config = config;
        this.layout = layout;
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        BOUNCY_CASTLE_TLS.setLevel(Level.SEVERE);
        if (Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
            System.out.println(StackConfig.USAGE);
            return;
        }
        RunLayout layout;
        StackConfig config;
        try {
            layout = RunLayout.locate();
            config = StackConfig.resolve(List.of(args), System.getenv(), layout.repoDir());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.println(StackConfig.USAGE);
            System.exit(2);
            return;
        }
        DevStack stack = new DevStack(config, layout);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.closed.get()) {
                // Ctrl-C while starting: the shutdown hook is stopping everything, the failure is its doing.
                return;
            }
            System.err.println();
            System.err.println("devstack: " + e.getMessage());
            stack.close();
            System.exit(1);
        }
        stack.printWelcome(Duration.ofNanos(System.nanoTime() - started));
        new CountDownLatch(1).await();
    }

    /** Starts everything; on a failure stops what did start and throws the first failure. */
    void start() {
        if (!Files.isRegularFile(config.ear())) {
            throw new StartupException("Platform", config.ear() + " not found: build it with `mvn -DskipTests install`", null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "devstack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<?>> parts = new ArrayList<>();
            parts.add(CompletableFuture.runAsync(() -> postgres = timed("PostgreSQL", () -> config.externalDbUrl()
                    .map(url -> Postgres.external(url, config.dbRoles()))
                    .orElseGet(() -> Postgres.embedded(layout))), pool));
            parts.add(CompletableFuture.runAsync(() -> {
                if (config.externalOidcProvider().isPresent()) {
                    URI discovery = URI.create(config.oidcProviderUri() + "/.well-known/openid-configuration");
                    timed("Keycloak (external)", () -> {
                        Readiness.await(discovery, Duration.ofSeconds(15), "Keycloak (external)", null, () -> true);
                        return null;
                    });
                } else {
                    keycloak = timed("Keycloak", () -> KeycloakServer.start(layout));
                }
            }, pool));
            parts.add(CompletableFuture.runAsync(() -> payara = timed("Payara",
                    () -> PayaraServer.start(layout, config.platformEnvironment(), config.clustered())), pool));
            RuntimeException failure = firstFailure(parts);
            if (failure != null) {
                throw failure;
            }
            if (config.clustered()) {
                startCluster();
            } else {
                startSingle();
            }
            if (config.demoData()) {
                startDemoFleet();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void startSingle() {
        payara.cluster(1);
        timed("Deployment of " + config.ear().getFileName(), () -> {
            payara.deploy(config.ear(), APPLICATION_NAME);
            payara.awaitReady(config.readinessUrl(), READY_TIMEOUT);
            return null;
        });
        timed("Device port " + DevicePort.PORT, () -> {
            if (DevicePort.configure(payara.home(), payara.asadminLog())) {
                // first run: restarted for the device port's valve, the platform is loading again
                payara.awaitReady(config.readinessUrl(), READY_TIMEOUT);
            }
            return null;
        });
    }

    /** The clustered mode ({@link ClusterStack}): the deployment group's nodes behind the load balancer. */
    private void startCluster() {
        cluster = ClusterStack.start(payara, layout, config.ear(), config.nodes(), config.readinessUrl(), READY_TIMEOUT,
                (what, step) -> timed(what, () -> {
                    step.run();
                    return null;
                }));
    }

    /**
     * Demo gateways that enroll and upload a week of history, so that the demo households have curves. A failure
     * here leaves the platform running and is reported with the welcome text.
     */
    private void startDemoFleet() {
        long start = System.nanoTime();
        Path rootPem = DevicePort.storesDir(payara.home()).resolveSibling("root").resolve("ca-chain.pem");
        try {
            fleet = DemoFleet.start(DemoFleet.Settings.runCommand(
                    URI.create("http://localhost:" + PayaraServer.HTTP_PORT + "/api"),
                    URI.create("https://localhost:" + DevicePort.PORT), rootPem, layout.demoFleet(), layout.logs(),
                    () -> KeycloakServer.passwordGrant(config.oidcProviderUri(), config.clientId(), config.clientSecret(),
                            DemoFleet.OPERATOR, DemoFleet.OPERATOR)));
            List<DemoFleet.Outcome> outcomes = fleet.awaitFirstUploads(Duration.ofMinutes(5));
            fleetReport = new ArrayList<>(outcomes.stream().map(DemoFleet.Outcome::line).toList());
            fleetReport.addAll(fleet.startMonthReports(outcomes));
            System.out.printf(Locale.ROOT, "  %-40s ready in %5.1f s%n", "Demo gateways (" + outcomes.size() + ")",
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException | RuntimeException e) {
            fleetReport = List.of("not started: " + e.getMessage());
            System.out.println("  Demo gateways not started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every part (a failed part must not leave a sibling half started and unknown) and returns the first failure. */
    private static RuntimeException firstFailure(List<CompletableFuture<?>> parts) {
        RuntimeException first = null;
        for (CompletableFuture<?> part : parts) {
            try {
                part.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        return first;
    }

    private static <T> T timed(String what, Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        System.out.printf(Locale.ROOT, "  %-40s ready in %5.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return result;
    }

    private void printWelcome(Duration took) {
        String http = "http://localhost:" + PayaraServer.HTTP_PORT;
        StringBuilder out = new StringBuilder("\nSMGW.Lite is running (started in ")
                .append(String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)).append(")\n\n")
                .append("  Mode            ").append(PlatformSetting.DEVELOPMENT_MODE)
                .append(" mode (development secrets and root CA, demo realm; not for production)\n")
                .append("  Admin UI        ").append(http).append("/ui/\n")
                .append("  REST API        ").append(http).append("/api\n")
                .append("  Health          ").append(config.readinessUrl()).append('\n')
                .append("  Device port     https://localhost:").append(DevicePort.PORT)
                .append("/api/device/whoami  (mutual TLS, gateway certificates)\n")
                .append("  EST             https://localhost:").append(DevicePort.PORT)
                .append("/api/.well-known/est/<tenant>/  (TLS, trust the platform root; CRL: ").append(http).append("/api/crl/<tenant>.crl)\n")
                .append("  Payara admin    http://localhost:").append(PayaraServer.ADMIN_PORT).append('\n');
        if (config.clustered()) {
            out.append("  Cluster         ").append(config.nodes()).append(" Payara instances of deployment group ")
                    .append(PayaraCluster.GROUP).append(" behind HAProxy (status http://localhost:").append(LoadBalancer.STATS_PORT)
                    .append("/):\n");
            for (int node = 1; node <= config.nodes(); node++) {
                out.append(String.format(Locale.ROOT, "                  %s  http %d, device port %d%n", PayaraCluster.instance(node),
                        PayaraCluster.httpPort(node), PayaraCluster.devicePort(node)));
            }
        }
        out
                .append("  OIDC provider   ").append(config.oidcProviderUri()).append('\n');
        if (keycloak != null) {
            out.append("  Keycloak admin  http://localhost:").append(KeycloakServer.PORT).append("/admin  (")
                    .append(KeycloakServer.ADMIN_USER).append('/').append(KeycloakServer.ADMIN_PASSWORD).append(")\n");
        }
        out.append("  Database        ").append(postgres.jdbcUrl())
                .append(postgres.isEmbedded() ? "  (embedded, data in " + layout.postgresData() + ")" : "").append('\n')
                .append("                  platform connects as ").append(config.dbRoles().login())
                .append(" (owns nothing), migrates as ").append(config.dbRoles().owner()).append('\n');
        out.append("  Logs            ").append(layout.logs()).append('\n');
        if (keycloak != null) {
            out.append("\n  Demo logins (password = user name):\n");
            for (DemoUser user : DemoUser.ALL) {
                out.append(String.format(Locale.ROOT, "    %-12s %-16s %s%n", user.username(), user.role(),
                        user.tenant().map(t -> "tenant " + t).orElse("all tenants")));
            }
        }
        if (!fleetReport.isEmpty()) {
            out.append("\n  Demo gateways (real agents on simulated meters, 1 telegram/s; state in ").append(layout.demoFleet())
                    .append(", logs demo-gateway-*.log):\n");
            fleetReport.forEach(line -> out.append("    ").append(line).append('\n'));
            out.append("  Curves: sign in as household or household2 (My household), or as operator (Households, Curve).\n");
        }
        out.append("\nCtrl-C stops everything; data is kept for the next run.\n");
        System.out.print(out);
    }

    /** Stops Payara, then Keycloak, then PostgreSQL; each one that was started, once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop("demo gateways", fleet);
        stop("load balancer", cluster);
        stop("Payara", payara);
        stop("Keycloak", keycloak);
        stop("PostgreSQL", postgres);
    }

    private static void stop(String what, AutoCloseable part) {
        if (part == null) {
            return;
        }
        System.out.println("  stopping " + what);
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("  " + what + " did not stop cleanly: " + e.getMessage());
        }
    }
}
