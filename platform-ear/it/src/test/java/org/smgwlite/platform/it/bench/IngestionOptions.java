package org.smgwlite.platform.it.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.platform.it.TestGateway;

/**
 * The options {@link IngestionBenchmark} and {@link ClusterIngestionBenchmark} share ({@code --name value}, defaults in
 * {@link IngestionBenchmark}'s class comment), the run's id and the first day of the gateways' batches.
 *
 * @param all every option given, for those only one benchmark takes ({@link #other})
 */
record IngestionOptions(int gateways, int days, int threads, int warmup, String base, String tenant, String db, String keycloak,
                        Path root, String run, Instant firstDay, Map<String, String> all) {

    IngestionOptions {
        all = Map.copyOf(all);
    }

    static IngestionOptions parse(String[] args) {
        Map<String, String> opts = BenchSupport.options(args);
        int gateways = Integer.parseInt(opts.getOrDefault("gateways", "1000"));
        int days = Integer.parseInt(opts.getOrDefault("days", "1"));
        return new IngestionOptions(gateways, days, Integer.parseInt(opts.getOrDefault("threads", "8")),
                Integer.parseInt(opts.getOrDefault("warmup", Integer.toString(Math.min(gateways, 1000)))),
                opts.getOrDefault("base", "http://localhost:8080"), opts.getOrDefault("tenant", "stadtwerke-demo"),
                opts.getOrDefault("db", "jdbc:postgresql://localhost:54329/smgw"),
                opts.getOrDefault("keycloak", "http://localhost:8180/realms/smgw"),
                Path.of(opts.getOrDefault("root", BenchSupport.platformRoot().toString())),
                Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT),
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days)), opts);
    }

    /** An option only one of the benchmarks takes. */
    String other(String name, String defaultValue) {
        return all.getOrDefault(name, defaultValue);
    }

    /** Readings in one gateway's batch: days x 96 quarter hours x import and export register. */
    int perGateway() {
        return days * 96 * 2;
    }

    /** {@code total} gateways with households of their own, enrolled through {@code device}, their batches signed. */
    Fleet enroll(ExecutorService pool, String device, int total) throws Exception {
        TestGateway.Platform platform = new TestGateway.Platform(base, device, tenant, PemCredentials.readChain(root).get(0));
        return Fleet.enroll(pool, threads, platform, new BenchSupport.OperatorToken(keycloak), db, run, total, firstDay, days);
    }
}
