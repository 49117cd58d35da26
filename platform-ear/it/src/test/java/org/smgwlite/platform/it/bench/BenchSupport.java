package org.smgwlite.platform.it.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
