package org.smgwlite.platform.it.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.it.ReadingRows;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveQuery;

/**
 * Time to serve one household-year of 15-minute values to the chart, next to the bare SQL query
 * for the same rows. Not a test: it prints figures.
 *
 * <ol>
 * <li>Setup (once, kept): tenant {@code bench-curve} with {@code --households N} households, each with
 *     a full year 2025 of import and export readings (2 x 35,041 rows), through generate_series.</li>
 * <li>Measured, per round on a random household: (a) the bare query: {@link LoadCurveQuery#READINGS_SQL}, the
 *     household-year's rows of {@code meter_reading}, executed and every column of every row read; (b) serving:
 *     {@link LoadCurveQuery#run} (the same values from the day rows of {@code meter_reading_day} into slot arrays,
 *     intervals, gaps, daily and monthly totals) plus the chart payload (two Float32 arrays, base64), exactly what
 *     the view sends to uPlot.</li>
 * </ol>
 *
 * <pre>
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.LoadCurveBenchmark -Dexec.args="--households 1000"
 * </pre>
 * Options: {@code --url} (jdbc:postgresql://localhost:54329/smgw, a database migrated to V3, e.g. the one of
 * {@code ./run.sh}), {@code --user}/{@code --password} (postgres), {@code --households N} (1000),
 * {@code --rounds R} (50).
 */
public final class LoadCurveBenchmark {

    private static final String TENANT = "bench-curve";
    private static final CurveRange YEAR = CurveRange.around(LocalDate.of(2025, 1, 1), CurveRange.Span.YEAR, CurveRange.BERLIN);

    private LoadCurveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int households = Integer.parseInt(opts.getOrDefault("households", "1000"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "50"));
        try (Connection c = DriverManager.getConnection(opts.getOrDefault("url", "jdbc:postgresql://localhost:54329/smgw"),
                opts.getOrDefault("user", "postgres"), opts.getOrDefault("password", "postgres"))) {
            List<Long> ids = setUp(c, households);
            c.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            Random random = new Random(42);
            for (int i = 0; i < 10; i++) {
                bare(c, ids.get(random.nextInt(ids.size())));
                serve(c, ids.get(random.nextInt(ids.size())));
            }
            long[] bare = new long[rounds];
            long[] serve = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long id = ids.get(random.nextInt(ids.size()));
                if (r % 2 == 0) {
                    bare[r] = bare(c, id);
                    serve[r] = serve(c, id);
                } else {
                    serve[r] = serve(c, id);
                    bare[r] = bare(c, id);
                }
            }
            c.rollback();
            Arrays.sort(bare);
            Arrays.sort(serve);
            System.out.printf(Locale.ROOT, "%d household-years stored (%,d rows); %d rounds, one random household-year each%n",
                    ids.size(), ids.size() * 2L * (YEAR.slotCount() + 1), rounds);
            System.out.printf(Locale.ROOT, "bare SQL, same rows:   median %.1f ms, p90 %.1f ms%n", ms(bare[rounds / 2]), ms(bare[rounds * 9 / 10]));
            System.out.printf(Locale.ROOT, "served to the chart:   median %.1f ms, p90 %.1f ms%n", ms(serve[rounds / 2]), ms(serve[rounds * 9 / 10]));
            System.out.printf(Locale.ROOT, "ratio served / bare:   %.2fx (median)%n", (double) serve[rounds / 2] / bare[rounds / 2]);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long bare(Connection c, long household) throws Exception {
        long start = System.nanoTime();
        long sink = 0;
        try (PreparedStatement ps = LoadCurveQuery.prepare(c, LoadCurveQuery.READINGS_SQL, TENANT, household, YEAR)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink += rs.getString(1).length() + rs.getLong(2) + rs.getBigDecimal(3).signum() + rs.getInt(4)
                            + rs.getString(5).length() + rs.getInt(6);
                }
            }
        }
        long took = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return took;
    }

    private static long serve(Connection c, long household) throws Exception {
        long start = System.nanoTime();
        LoadCurve curve = LoadCurveQuery.run(c, TenantId.of(TENANT), household, YEAR);
        String payload = base64(curve.imports().powerForChart()) + base64(curve.exports().powerForChart());
        long took = System.nanoTime() - start;
        if (curve.imports().gapCount() != 0 || payload.isEmpty()) {
            throw new IllegalStateException("household " + household + " has gaps: the setup is incomplete");
        }
        return took;
    }

    /** As the chart component encodes it (admin-ui LoadCurveChart). */
    private static String base64(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static List<Long> setUp(Connection c, int households) throws Exception {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + TENANT
                    + "', 'Benchmark', 'METERING_POINT_OPERATOR') ON CONFLICT DO NOTHING");
            s.execute("""
                    INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)
                    SELECT '%s', 'Bench ' || n, 'Weg 1', '34117', 'Kassel', 'DEBENCH' || lpad(n::text, 26, '0'), 'BENCH' || n
                      FROM generate_series(1, %d) n
                    ON CONFLICT DO NOTHING""".formatted(TENANT, households));
        }
        try (Statement s = c.createStatement()) {
            // the months of the benchmark year as partitions of their own, as the platform keeps months it receives
            s.execute("""
                    DO $$
                    DECLARE m date := date '2024-12-01';
                    BEGIN
                        WHILE m <= date '2025-12-01' LOOP
                            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF meter_reading FOR VALUES FROM (%L) TO (%L)',
                                           'meter_reading_' || to_char(m, 'YYYY_MM'), m::timestamptz AT TIME ZONE 'UTC',
                                           (m + interval '1 month')::timestamptz AT TIME ZONE 'UTC');
                            m := (m + interval '1 month')::date;
                        END LOOP;
                    END $$""");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM household WHERE tenant_id = '" + TENANT + "' ORDER BY id LIMIT " + households)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        int filled = 0;
        for (long id : ids) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM meter_reading WHERE tenant_id = '" + TENANT
                         + "' AND household_id = " + id + " LIMIT 1")) {
                if (rs.next()) {
                    continue;
                }
            }
            try (Statement s = c.createStatement()) {
                long batch = ReadingRows.batch(c, TENANT, id, "bench");
                s.execute("""
                        INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                            ptb_level, taf, batch_id)
                        SELECT '%1$s', %2$d, o.obis, '%3$s'::timestamptz + n * interval '15 minutes',
                               1000000 + n * o.step + (n * n) %% 11, -1, 'Wh', 0, 7, %4$d
                          FROM generate_series(0, %5$d) n,
                               (VALUES ('1-0:1.8.0*255', 37), ('1-0:2.8.0*255', 19)) AS o(obis, step)"""
                        .formatted(TENANT, id, YEAR.from(), batch, YEAR.slotCount()));
            }
            filled++;
        }
        if (filled > 0) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE meter_reading");
            }
        }
        System.out.printf(Locale.ROOT, "setup: %d households filled now, %d already there, %.1f s%n",
                filled, ids.size() - filled, (System.nanoTime() - t0) / 1e9);
        return ids;
    }
}
