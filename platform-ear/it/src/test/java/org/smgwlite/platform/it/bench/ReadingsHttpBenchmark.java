package org.smgwlite.platform.it.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smgwlite.platform.metering.query.CurveRange;

/**
 * One household-year through the readings API of a running platform ({@code ./run.sh}), end to end: HTTP, the
 * operator's bearer token, JAX-RS, the EJB calls, the tenant-bound transaction per month, the writers, to the last
 * byte read by the client. Targets (issue 14): CSV under 1 s, MSCONS under 2 s. {@link ReadingsExportBenchmark} measures
 * the same writers without the HTTP layer. Not a test: it prints figures.
 *
 * <ol>
 * <li>Setup (each run, kept): a new household of {@code --tenant} with import and export readings at every quarter hour
 *     of 2025 (2 x 35,041 rows through generate_series, as the database owner).</li>
 * <li>Measured, per round and format: {@code GET /api/tenants/<t>/households/<id>/readings?from=2025-01-01&to=2025-12-31
 *     &format=csv|mscons|json}, the body read and counted.</li>
 * </ol>
 *
 * <pre>
 * ./run.sh            # in another terminal, until "ready"
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.ReadingsHttpBenchmark -Dexec.args="--rounds 10"
 * </pre>
 * Options: {@code --base URL} (http://localhost:8080), {@code --tenant ID} (stadtwerke-demo), {@code --db JDBC-URL}
 * (jdbc:postgresql://localhost:54329/smgw), {@code --keycloak URL} (http://localhost:8180/realms/smgw),
 * {@code --rounds R} (10).
 */
public final class ReadingsHttpBenchmark {

    private static final CurveRange YEAR = CurveRange.around(LocalDate.of(2025, 1, 1), CurveRange.Span.YEAR, CurveRange.BERLIN);
    private static final Map<String, Double> TARGET_SECONDS = Map.of("csv", 1.0, "mscons", 2.0, "json", 1.0);

    private ReadingsHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        String base = opts.getOrDefault("base", "http://localhost:8080");
        String tenant = opts.getOrDefault("tenant", "stadtwerke-demo");
        String db = opts.getOrDefault("db", "jdbc:postgresql://localhost:54329/smgw");
        String keycloak = opts.getOrDefault("keycloak", "http://localhost:8180/realms/smgw");
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "10"));

        long household = BenchSupport.households(db, tenant, "H" + System.currentTimeMillis() % 10_000_000, 1)[0];
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            BenchSupport.partitions2025(c);
            BenchSupport.readings(c, tenant, household, YEAR);
        }
        BenchSupport.OperatorToken token = new BenchSupport.OperatorToken(keycloak);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String path = base + "/api/tenants/" + tenant + "/households/" + household + "/readings?from=" + YEAR.first()
                + "&to=" + YEAR.endExclusive().minusDays(1) + "&format=";

        System.out.printf(Locale.ROOT, "household %d of %s: 2025, 2 x %,d quarter hours; %d rounds per format%n",
                household, tenant, YEAR.slotCount(), rounds);
        for (String format : List.of("csv", "mscons", "json")) {
            for (int i = 0; i < 2; i++) { // warm-up
                fetch(http, path + format, token.get());
            }
            double[] seconds = new double[rounds];
            long bytes = 0;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                bytes = fetch(http, path + format, token.get());
                seconds[r] = BenchSupport.seconds(start);
            }
            Arrays.sort(seconds);
            double median = seconds[rounds / 2];
            double p90 = seconds[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.9) - 1)];
            double target = TARGET_SECONDS.get(format);
            System.out.printf(Locale.ROOT, "%-7s %,12d bytes  median %6.3f s  p90 %6.3f s  target %.1f s  median/target %.2f%n",
                    format, bytes, median, p90, target, median / target);
        }
    }

    /** The whole body's length; anything but 200 is an error naming the answer. */
    private static long fetch(HttpClient http, String uri, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + ": HTTP " + answer.statusCode() + " "
                        + new String(body.readNBytes(500), java.nio.charset.StandardCharsets.UTF_8));
            }
            long n = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = body.read(buffer)) > 0; ) {
                n += read;
            }
            return n;
        }
    }
}
