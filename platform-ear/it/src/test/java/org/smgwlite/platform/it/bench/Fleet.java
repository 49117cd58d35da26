package org.smgwlite.platform.it.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.platform.it.TestGateway;

/**
 * The ingestion benchmarks' gateways: each with a household of its own, enrolled (TLS and signature certificate) and
 * its batch signed beforehand, so that a measured phase only uploads. Gateways are used by index ranges: a warm-up
 * range, then one range per measured phase.
 *
 * @param gateways   enrolled gateways, one per household
 * @param bodies     each gateway's signed batch
 * @param households the gateways' households, consecutive ids
 */
record Fleet(TestGateway[] gateways, byte[][] bodies, long[] households) {

    /** One measured phase: wall time, readings stored, each upload's time in µs (sorted). */
    record Measured(double seconds, long stored, long[] micros) {

        double readingsPerSecond() {
            return stored / seconds;
        }

        String percentiles() {
            return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms", pct(50), pct(95), pct(99),
                    micros[micros.length - 1] / 1000.0);
        }

        private double pct(int p) {
            int at = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, at)] / 1000.0;
        }
    }

    /**
     * {@code count} gateways of run {@code run} (ids {@code ING<run><n>}), registered through the operator API, enrolled on
     * {@code platform}'s device port, each with a signed batch of {@code days} days from {@code firstDay}.
     */
    static Fleet enroll(ExecutorService pool, int threads, TestGateway.Platform platform, BenchSupport.OperatorToken token,
                        String db, String run, int count, Instant firstDay, int days) throws Exception {
        long[] households = BenchSupport.households(db, platform.tenant(), run, count);
        TestGateway[] gws = new TestGateway[count];
        byte[][] bodies = new byte[count][];
        BenchSupport.parallel(pool, threads, count, i -> {
            String id = "ING" + run + String.format(Locale.ROOT, "%06d", i);
            String code = platform.register(token.get(), id, households[i]);
            gws[i] = platform.enroll(id, households[i], code);
            bodies[i] = gws[i].sign(new ReadingBatch(id, Instant.now(), IngestionBenchmark.values(households[i], firstDay, days),
                    List.of()));
        });
        return new Fleet(gws, bodies, households);
    }

    long bytes() {
        return Arrays.stream(bodies).mapToLong(b -> b.length).sum();
    }

    /**
     * Uploads the batches of gateways {@code from .. from+count-1} to {@code device}, {@code threads} at a time, each on a
     * TLS connection of its own; anything but 200 with every value accepted stops the benchmark.
     */
    Measured upload(ExecutorService pool, int threads, String device, int from, int count, int perGateway) throws Exception {
        long[] micros = new long[count];
        long t = System.nanoTime();
        BenchSupport.parallel(pool, threads, count, i -> {
            long s = System.nanoTime();
            TestGateway gw = gateways[from + i];
            var answer = gw.upload(device, bodies[from + i]);
            if (answer.statusCode() != 200
                    || JsonObject.parse(answer.body()).optionalLong("accepted").orElse(-1L) != perGateway) {
                throw new IllegalStateException("gateway " + gw.id() + ": " + answer.statusCode() + " " + answer.body());
            }
            micros[i] = (System.nanoTime() - s) / 1000;
        });
        double seconds = BenchSupport.seconds(t);
        Arrays.sort(micros);
        return new Measured(seconds, (long) count * perGateway, micros);
    }

    /** Fails unless the database holds exactly the readings of gateways {@code from .. from+count-1}. */
    void requireStored(String db, String tenant, int from, int count, int perGateway) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM meter_reading WHERE tenant_id = ? AND household_id BETWEEN ? AND ?")) {
            ps.setString(1, tenant);
            ps.setLong(2, households[from]);
            ps.setLong(3, households[from + count - 1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != (long) count * perGateway) {
                    throw new IllegalStateException("database holds " + rs.getLong(1) + " rows for the benchmark households,"
                            + " expected " + (long) count * perGateway);
                }
            }
        }
    }
}
