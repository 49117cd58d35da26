package org.smgwlite.platform.it.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.smgwlite.platform.it.cluster.BalancerStatus;

/**
 * Readings per second one node stores and two nodes behind the balancer store, side by side on the same cluster in the
 * same run. Against a running {@code ./run.sh --nodes 2}; not a test: it prints figures.
 *
 * <ol>
 * <li>Setup (timed, not measured): W + 2N gateways with households of their own, enrolled through the balancer, each
 *     batch of {@code --days} days signed ({@link Fleet}).</li>
 * <li>Warm-up: W uploads through the balancer, so that both nodes' code is compiled.</li>
 * <li>One node: N uploads to node 1's own device port ({@code --single}, https://localhost:21443), past the balancer.</li>
 * <li>Two nodes: N other gateways' uploads through the balancer ({@code --balancer}, https://localhost:8443), round robin
 *     per connection; HAProxy's session counts show how they spread.</li>
 * </ol>
 * Printed: readings/s and upload times of each, uploads per node of the second, and the ratio two nodes / one node.
 * Both phases share one PostgreSQL and, here, one machine's cores: on 2 cores the ratio shows that the second node
 * adds no contention (about 1), not that it adds speed; on separate hosts it shows what the second node adds.
 *
 * <pre>
 * ./run.sh --nodes 2     # in another terminal, until it prints the welcome text
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.ClusterIngestionBenchmark -Dexec.args="--gateways 2000 --days 1"
 * </pre>
 * Options: {@code --gateways N} per phase (1000), {@code --days D} (1), {@code --threads T} (8), {@code --warmup W}
 * (min(N, 1000)), {@code --single URL} (https://localhost:21443), {@code --balancer URL} (https://localhost:8443),
 * {@code --base URL} (http://localhost:8080), {@code --tenant}, {@code --root}, {@code --db}, {@code --keycloak} as
 * {@link IngestionBenchmark}.
 */
public final class ClusterIngestionBenchmark {

    private ClusterIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        IngestionOptions o = IngestionOptions.parse(args);
        String single = o.other("single", "https://localhost:21443");
        String balancer = o.other("balancer", "https://localhost:8443");
        int gateways = o.gateways();
        int threads = o.threads();
        int warmup = o.warmup();
        int perGateway = o.perGateway();
        System.out.printf(Locale.ROOT, "cluster ingestion benchmark: %d gateways x %d day(s) = %,d readings per phase, %d upload"
                + " threads, run %s, %d cores here (after %d warm-up gateways)%n", gateways, o.days(), (long) gateways * perGateway,
                threads, o.run(), Runtime.getRuntime().availableProcessors(), warmup);
        ExecutorService pool = BenchSupport.pool(threads);
        long t0 = System.nanoTime();
        int total = warmup + 2 * gateways;
        Fleet fleet = o.enroll(pool, balancer, total);
        System.out.printf(Locale.ROOT, "setup: %d gateways enrolled through the balancer, batches signed (%.1f MB) in %.1f s%n",
                total, fleet.bytes() / 1e6, BenchSupport.seconds(t0));

        long tw = System.nanoTime();
        fleet.upload(pool, threads, balancer, 0, warmup, perGateway);
        System.out.printf(Locale.ROOT, "warm-up: %d uploads through the balancer in %.1f s (not counted)%n", warmup,
                BenchSupport.seconds(tw));

        Fleet.Measured one = fleet.upload(pool, threads, single, warmup, gateways, perGateway);
        fleet.requireStored(o.db(), o.tenant(), warmup, gateways, perGateway);
        Map<String, Long> before = deviceSessions();
        Fleet.Measured two = fleet.upload(pool, threads, balancer, warmup + gateways, gateways, perGateway);
        Map<String, Long> after = deviceSessions();
        fleet.requireStored(o.db(), o.tenant(), warmup + gateways, gateways, perGateway);
        pool.shutdown();

        System.out.printf(Locale.ROOT, "one node  (%s): %,d readings in %5.1f s = %,9.0f readings/s; upload %s%n", single,
                one.stored(), one.seconds(), one.readingsPerSecond(), one.percentiles());
        System.out.printf(Locale.ROOT, "two nodes (%s): %,d readings in %5.1f s = %,9.0f readings/s; upload %s%n", balancer,
                two.stored(), two.seconds(), two.readingsPerSecond(), two.percentiles());
        StringBuilder spread = new StringBuilder("uploads per node through the balancer:");
        after.forEach((node, sessions) -> spread.append(' ').append(node).append(' ').append(sessions - before.getOrDefault(node, 0L)));
        System.out.println(spread);
        System.out.printf(Locale.ROOT, "ratio two nodes / one node: %.2f (0 errors; every reading stored, counted in the database)%n",
                two.readingsPerSecond() / one.readingsPerSecond());
    }

    /** HAProxy's sessions so far per node of the device-port backend. */
    private static Map<String, Long> deviceSessions() throws Exception {
        Map<String, Long> sessions = new TreeMap<>();
        for (BalancerStatus.Server s : BalancerStatus.servers()) {
            if (s.backend().equals(BalancerStatus.DEVICE_BACKEND)) {
                sessions.put(s.name(), s.total());
            }
        }
        return sessions;
    }
}
