package org.smgwlite.platform.it.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;
import org.smgwlite.platform.it.TestGateway;

/**
 * How long enrolling N gateways through {@code POST /api/.well-known/est/<tenant>/simpleenroll} on the device
 * port (TLS trusting only the platform root, no client certificate, as a gateway's first enrollment) takes, against a running platform ({@code ./run.sh}). Not a test: it prints figures.
 *
 * <ol>
 * <li>Setup (timed separately): N gateways registered and one enrollment code each, through the operator API;
 *     N P-256 key pairs and CSRs made in this JVM.</li>
 * <li>Measured: N simpleenroll requests (Basic gateway:code, base64 CSR), {@code --threads} at a time; each
 *     answer must be 200 with a certs-only body.</li>
 * </ol>
 *
 * <pre>
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.EstEnrollmentBenchmark -Dexec.args="--count 10000"
 * </pre>
 * Options: {@code --count N} (10000), {@code --threads T} (8), {@code --base URL} (operator API, http://localhost:8080),
 * {@code --device URL} (EST, https://localhost:8443), {@code --root FILE} (the platform root CA, default the run
 * command's),
 * {@code --tenant ID} (stadtwerke-demo), {@code --keycloak URL} (http://localhost:8180/realms/smgw). Each gateway gets
 * a household of its own in the embedded database (a household has one gateway).
 */
public final class EstEnrollmentBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private EstEnrollmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int count = Integer.parseInt(opts.getOrDefault("count", "10000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        String base = opts.getOrDefault("base", "http://localhost:8080");
        String tenant = opts.getOrDefault("tenant", "stadtwerke-demo");
        String keycloak = opts.getOrDefault("keycloak", "http://localhost:8180/realms/smgw");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        long[] households = BenchSupport.households("jdbc:postgresql://localhost:54329/smgw", tenant, run, count);
        String est = opts.getOrDefault("device", "https://localhost:8443") + "/api/.well-known/est/" + tenant + "/simpleenroll";
        TlsEndpoint tls = DevicePortTls.serverAuthenticated(PemCredentials.readChain(
                Path.of(opts.getOrDefault("root", BenchSupport.platformRoot().toString()))));
        // HTTP/1.1 with keep-alive, as a gateway speaks
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .sslContext(tls.context()).sslParameters(tls.parameters()).build();

        System.out.printf(Locale.ROOT, "EST enrollment benchmark: %d gateways, %d client threads, tenant %s, run %s%n",
                count, threads, tenant, run);
        ExecutorService pool = BenchSupport.pool(threads);
        BenchSupport.OperatorToken token = new BenchSupport.OperatorToken(keycloak);

        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add("BENCH" + run + String.format(Locale.ROOT, "%06d", i));
        }
        String[] codes = new String[count];
        TestGateway.Platform operatorApi = new TestGateway.Platform(base, null, tenant, null);
        BenchSupport.parallel(pool, threads, count, i -> {
            codes[i] = operatorApi.register(token.get(), ids.get(i), households[i]);
        });
        double setupApi = BenchSupport.seconds(t0);

        long t1 = System.nanoTime();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String[] csrs = new String[count];
        BenchSupport.parallel(pool, threads, count, i -> {
            KeyPair keys = generator.generateKeyPair();
            csrs[i] = Base64.getMimeEncoder().encodeToString(Pkcs10.request(keys, ids.get(i)));
        });
        double setupCsr = BenchSupport.seconds(t1);
        System.out.printf(Locale.ROOT, "setup: %d gateways + codes via operator API in %.1f s, %d key pairs + CSRs in %.1f s%n",
                count, setupApi, count, setupCsr);

        AtomicInteger ok = new AtomicInteger();
        long t2 = System.nanoTime();
        BenchSupport.parallel(pool, threads, count, i -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(est)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (ids.get(i) + ":" + codes[i]).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/pkcs10")
                    .POST(HttpRequest.BodyPublishers.ofString(csrs[i])).build(), HttpResponse.BodyHandlers.ofString());
            expect(200, r);
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/pkcs7-mime")
                    || Base64.getMimeDecoder().decode(r.body()).length < 300) {
                throw new IllegalStateException("not a certs-only answer: " + r.body());
            }
            ok.incrementAndGet();
        });
        double enroll = BenchSupport.seconds(t2);
        pool.shutdown();

        System.out.printf(Locale.ROOT, "enrolled %d gateways through EST over TLS in %.1f s: %.0f enrollments/s, %.2f ms each%n",
                ok.get(), enroll, ok.get() / enroll, enroll * 1000 / ok.get());
        System.out.printf(Locale.ROOT, "target 10,000 in under 60 s: %s (%.2fx of the target time for %d)%n",
                enroll * 10_000 / count < 60 ? "met" : "MISSED", enroll * 10_000 / count / 60, count);
    }


    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
