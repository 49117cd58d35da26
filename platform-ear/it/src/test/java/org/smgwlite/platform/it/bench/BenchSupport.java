package org.smgwlite.platform.it.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.smgwlite.platform.it.KeycloakTokens;

/** What the benchmark harnesses share: options, a worker pool that stops at the first failure, the operator's token. */
final class BenchSupport {

    private BenchSupport() {
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return m;
    }

    /** A pool of {@code threads} daemon threads named "bench". */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} workers of {@code pool}; the first failure cancels the rest. */
    static void parallel(ExecutorService pool, int threads, int count, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (ExecutionException e) {
            workers.forEach(w -> w.cancel(true));
            throw new IllegalStateException("a request failed: " + e.getCause(), e.getCause());
        }
    }

    /** The run command's platform root CA chain, looked for from the working directory upwards. */
    static Path platformRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".run/payara6/glassfish/domains/domain1/smgw-pki/root/ca-chain.pem");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of(".run/payara6/glassfish/domains/domain1/smgw-pki/root/ca-chain.pem");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The operator's access token (password grant of the demo user), fetched again every minute. */
    static final class OperatorToken {
        private final String keycloak;
        private String value;
        private long fetched;

        OperatorToken(String keycloak) {
            this.keycloak = keycloak;
        }

        synchronized String get() throws Exception {
            if (value == null || System.nanoTime() - fetched > 60e9) {
                value = KeycloakTokens.accessToken(keycloak, "operator");
                fetched = System.nanoTime();
            }
            return value;
        }
    }

    /**
     * {@code count} new households of {@code tenant}, one per gateway (a household has one gateway), inserted as the
     * database owner at {@code db}; Messlokation ids carry {@code run}. Ids are consecutive.
     */
    static long[] households(String db, String tenant, String run, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)
                     SELECT ?, 'Benchmark ' || g, 'Messweg ' || g, '34117', 'Kassel',
                            'DE' || lpad(?, 8, '0') || lpad(g::text, 23, '0'), '1BEN' || lpad(g::text, 10, '0')
                       FROM generate_series(1, ?) AS g ORDER BY g RETURNING id""")) {
            ps.setString(1, tenant);
            ps.setString(2, run);
            ps.setInt(3, count);
            long[] ids = new long[count];
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
            Arrays.sort(ids);
            return ids;
        }
    }
}
