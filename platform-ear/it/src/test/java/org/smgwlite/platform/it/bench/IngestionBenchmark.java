package org.smgwlite.platform.it.bench;

import java.io.StringReader;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.postgresql.PGConnection;
import org.smgwlite.metering.contract.BatchValue;

/**
 * Readings per second the day-after pipeline stores, next to a plain PostgreSQL {@code COPY} of the same rows
 * into the same table in the same run. Against a running platform ({@code ./run.sh}); not a test: it prints figures.
 *
 * <ol>
 * <li>Setup (timed, not measured): N households (SQL), N gateways registered with one-time codes through the
 *     operator API, each enrolled through EST (TLS certificate) and over mutual TLS (signature certificate); each
 *     gateway's batch of {@code --days} days x 96 slots x import and export register built and CMS-signed.</li>
 * <li>Warm-up: W further gateways upload the same way first (not measured), so that the platform's code is
 *     compiled, as on a platform that has been running, not a fresh deployment's interpreter.</li>
 * <li>Measured: the N uploads over mutual TLS to {@code /api/device/batches}, {@code --threads} at a time, each a new
 *     TLS connection as a gateway makes once a day; every answer must be 200 with every value accepted. Printed:
 *     readings/s stored, wall time, p50/p95/p99/max upload time.</li>
 * <li>Then the same rows are deleted (and the table vacuumed) and written again with one {@code COPY ... FROM STDIN}
 *     on one connection into {@code meter_reading}, once with its day-rollup trigger off and once as deployed:
 *     readings/s and the ratios platform / COPY.</li>
 * </ol>
 *
 * <pre>
 * # the daily case: 10,000 gateways, one day each
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.IngestionBenchmark -Dexec.args="--gateways 10000 --days 1"
 * # gateways returning with a backlog: 200 gateways, 14 days each
 *     ... -Dexec.args="--gateways 200 --days 14"
 * </pre>
 * Options: {@code --gateways N} (1000), {@code --days D} (1), {@code --threads T} (8), {@code --warmup W} (gateways
 * enrolled and uploaded first, not measured: min(N, 1000)), {@code --base URL}
 * (http://localhost:8080), {@code --device URL} (https://localhost:8443), {@code --tenant ID} (stadtwerke-demo),
 * {@code --root FILE} (the platform root CA, default {@code .run/payara6/glassfish/domains/domain1/smgw-pki/root/ca-chain.pem}),
 * {@code --db JDBC-URL} (jdbc:postgresql://localhost:54329/smgw), {@code --keycloak URL}.
 */
public final class IngestionBenchmark {

    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        IngestionOptions o = IngestionOptions.parse(args);
        String device = o.other("device", "https://localhost:8443");
        int perGateway = o.perGateway();
        System.out.printf(Locale.ROOT, "ingestion benchmark: %d gateways x %d day(s) = %,d readings, %d upload threads, run %s"
                + " (after %d warm-up gateways)%n", o.gateways(), o.days(), (long) o.gateways() * perGateway, o.threads(), o.run(),
                o.warmup());
        int total = o.warmup() + o.gateways();
        ExecutorService pool = BenchSupport.pool(o.threads());

        long t0 = System.nanoTime();
        Fleet fleet = o.enroll(pool, device, total);
        System.out.printf(Locale.ROOT, "setup: %d households, gateways enrolled (TLS + signature certificate), batches signed"
                + " (%.1f MB) in %.1f s%n", total, fleet.bytes() / 1e6, BenchSupport.seconds(t0));

        // warm-up: the first uploads after a deployment run in the interpreter and keep the JIT compiler busy
        long tw = System.nanoTime();
        fleet.upload(pool, o.threads(), device, 0, o.warmup(), perGateway);
        System.out.printf(Locale.ROOT, "warm-up: %d uploads in %.1f s (not counted)%n", o.warmup(), BenchSupport.seconds(tw));

        long[] households = Arrays.copyOfRange(fleet.households(), o.warmup(), total);
        Fleet.Measured measured = fleet.upload(pool, o.threads(), device, o.warmup(), o.gateways(), perGateway);
        pool.shutdown();
        fleet.requireStored(o.db(), o.tenant(), o.warmup(), o.gateways(), perGateway);
        double upload = measured.seconds();
        double platformRate = measured.readingsPerSecond();
        System.out.printf(Locale.ROOT, "platform: %,d readings stored in %.1f s = %,.0f readings/s (%,.1f uploads/s, 0 errors)%n",
                measured.stored(), upload, platformRate, o.gateways() / upload);
        System.out.println("upload time per gateway: " + measured.percentiles());
        if (o.days() == 1) {
            double for10k = upload * 10_000 / o.gateways();
            System.out.printf(Locale.ROOT, "daily target (10,000 gateways' days in 15 min): %s — %.1f s for %d gateways"
                    + " (%.1f min scaled to 10,000)%n", for10k <= 900 ? "met" : "MISSED", upload, o.gateways(), for10k / 60);
        }

        CopyRates copy = copy(o.db(), o.tenant(), households, o.firstDay(), o.days());
        System.out.printf(Locale.ROOT, "COPY of the same %,d rows into meter_reading, one connection: %,.0f readings/s as deployed"
                + " (day-rollup trigger on), %,.0f readings/s with the trigger off%n", measured.stored(), copy.asDeployed(), copy.withoutRollup());
        System.out.printf(Locale.ROOT, "ratio platform / COPY: %.2f (as deployed), %.2f (trigger off); target for backlogs of a week"
                + " or more: >= 0.50%n", platformRate / copy.asDeployed(), platformRate / copy.withoutRollup());
    }

    /** {@code days} days of import and export register values from {@code firstDay} for one household. */
    static List<BatchValue> values(long household, Instant firstDay, int days) {
        List<BatchValue> values = new ArrayList<>(days * 192);
        for (int i = 0; i < days * 96; i++) {
            Instant slot = firstDay.plus(Duration.ofMinutes(15L * i));
            values.add(new BatchValue(household, 7, slot, IMPORT, BigInteger.valueOf(12_345_000 + 1_000L * i + household % 7), -1, "Wh", 0, 0));
            values.add(new BatchValue(household, 7, slot, EXPORT, BigInteger.valueOf(500_000 + 20L * i), -1, "Wh", 0, 0));
        }
        return values;
    }

    /** Readings per second of one {@code COPY}: with the table as deployed, and with its day-rollup trigger off. */
    private record CopyRates(double asDeployed, double withoutRollup) {
    }

    /**
     * Deletes the rows the platform stored for the benchmark households and writes the same rows again with one
     * COPY (text format, built in memory beforehand, so only the COPY is timed): first with the table's day-rollup
     * trigger (V6) disabled, then — deleted again — with the table as deployed, which leaves the database as the
     * platform would have it.
     */
    private static CopyRates copy(String db, String tenant, long[] households, Instant firstDay, int days) throws Exception {
        StringBuilder text = new StringBuilder();
        long rows = 0;
        for (long h : households) {
            for (BatchValue v : values(h, firstDay, days)) {
                text.append(tenant).append('\t').append(h).append('\t').append(v.obis()).append('\t')
                        .append(v.slotStart()).append('\t').append(v.unscaled()).append('\t').append(v.scaler()).append('\t')
                        .append(v.unit()).append("\t0\t0\t7\t0\n");
                rows++;
            }
        }
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            delete(c, tenant, households);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE meter_reading DISABLE TRIGGER meter_reading_day_add");
            }
            double raw;
            try {
                raw = copyIn(c, text.toString(), rows);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE meter_reading ENABLE TRIGGER meter_reading_day_add");
                }
            }
            delete(c, tenant, households);
            return new CopyRates(copyIn(c, text.toString(), rows), raw);
        }
    }

    private static void delete(Connection c, String tenant, long[] households) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM meter_reading WHERE tenant_id = ? AND household_id BETWEEN ? AND ?")) {
            ps.setString(1, tenant);
            ps.setLong(2, households[0]);
            ps.setLong(3, households[households.length - 1]);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE meter_reading");
            s.execute("VACUUM ANALYZE meter_reading_day");
        }
    }

    private static double copyIn(Connection c, String text, long rows) throws Exception {
        long t = System.nanoTime();
        long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level,"
                        + " flags, taf, batch_id) FROM STDIN", new StringReader(text));
        double s = BenchSupport.seconds(t);
        if (copied != rows) {
            throw new IllegalStateException("COPY wrote " + copied + " rows, expected " + rows);
        }
        return copied / s;
    }
}
