package org.smgwlite.platform.it.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.SchemaMigration;
import org.smgwlite.platform.metering.mscons.CurveSeries;
import org.smgwlite.platform.metering.mscons.MeteringPointSeries;
import org.smgwlite.platform.metering.mscons.MsconsParties;
import org.smgwlite.platform.metering.mscons.MsconsReader;
import org.smgwlite.platform.metering.mscons.MsconsWriter;
import org.smgwlite.platform.metering.query.CsvRows;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveQuery;

/**
 * Time to export one household-year (2025: 35,040 quarter hours, import and export) as MSCONS (target under 2 s) and
 * as CSV (target under 1 s), through the code the readings API runs below its HTTP layer: month by month
 * {@link LoadCurveQuery#run} over one JDBC connection (what {@code LoadCurveService.curve} does inside its
 * transaction), then {@link CurveSeries}/{@link MsconsWriter} (what {@code MsconsExport} does) or {@link CsvRows} (what
 * {@code CsvExport} does), into a stream that counts and discards the bytes. Not included: HTTP, JAX-RS, the EJB calls
 * and the tenant binding of the connection (one {@code set_config} per month). Not a test: it prints figures; once,
 * untimed, the MSCONS is read back with {@link MsconsReader} and its quarter hours counted.
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres bench_mscons
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.ReadingsExportBenchmark -Dexec.args="--rounds 10"
 * </pre>
 * Options: {@code --url} (jdbc:postgresql://127.0.0.1:5432/bench_mscons; migrated here with the platform's Flyway
 * migrations, as its owner, for login role {@code smgw_bench_login}), {@code --user}/{@code --password} (postgres),
 * {@code --rounds R} (10).
 */
public final class ReadingsExportBenchmark {

    private static final String TENANT = "bench-readings";
    private static final CurveRange YEAR = CurveRange.around(LocalDate.of(2025, 1, 1), CurveRange.Span.YEAR, CurveRange.BERLIN);
    private static final MsconsParties PARTIES = new MsconsParties(MsconsParties.PLACEHOLDER_ID, MsconsParties.PLACEHOLDER_ID);

    private ReadingsExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        String url = opts.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/bench_mscons");
        String user = opts.getOrDefault("user", "postgres");
        String password = opts.getOrDefault("password", "postgres");
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "10"));
        migrate(url, user, password);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long household = setUp(c);
            String melo = "DEBENCHREADINGS" + "0".repeat(17) + "1";
            TenantId tenant = TenantId.of(TENANT);
            long valuesRead = readBack(c, tenant, household, melo);
            if (valuesRead != 2L * YEAR.slotCount()) {
                throw new IllegalStateException("read back " + valuesRead + " quarter hours, expected " + 2 * YEAR.slotCount());
            }
            for (int i = 0; i < 3; i++) { // warm-up
                mscons(c, tenant, household, melo, new Counting());
                csv(c, tenant, household);
            }
            long[] mscons = new long[rounds];
            long[] csv = new long[rounds];
            long msconsBytes = 0;
            long csvBytes = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Counting out = new Counting();
                mscons(c, tenant, household, melo, out);
                msconsBytes = out.count;
                mscons[r] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                csvBytes = csv(c, tenant, household);
                csv[r] = System.nanoTime() - t0;
            }
            Arrays.sort(mscons);
            Arrays.sort(csv);
            System.out.printf(Locale.ROOT, "one household-year (%d quarter hours x 2 registers), %d rounds%n", YEAR.slotCount(), rounds);
            System.out.printf(Locale.ROOT, "MSCONS: median %.0f ms, p90 %.0f ms, %,d bytes; target 2000 ms: %.2f of it%n",
                    ms(mscons[rounds / 2]), ms(mscons[rounds * 9 / 10]), msconsBytes, ms(mscons[rounds / 2]) / 2000);
            System.out.printf(Locale.ROOT, "CSV:    median %.0f ms, p90 %.0f ms, %,d bytes; target 1000 ms: %.2f of it%n",
                    ms(csv[rounds / 2]), ms(csv[rounds * 9 / 10]), csvBytes, ms(csv[rounds / 2]) / 1000);
            System.out.printf(Locale.ROOT, "read back: %,d quarter hours, each with its value, qualifier and period%n", valuesRead);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Counts what is written and drops it, so that the figure is the export's, not a disk's. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static LoadCurve month(Connection c, TenantId tenant, long household, CurveRange month) {
        try {
            return LoadCurveQuery.run(c, tenant, household, month);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The household-year as MSCONS into {@code out}, as {@code MsconsExport.household} writes it. */
    private static void mscons(Connection c, TenantId tenant, long household, String melo, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        try (MsconsWriter writer = MsconsWriter.open(buffered, PARTIES, "1", Instant.now())) {
            CurveSeries.writeMonths(writer, melo, YEAR, month -> month(c, tenant, household, month));
        }
        buffered.flush();
    }

    /** Quarter hours in the MSCONS of the household-year, read back with validation. */
    private static long readBack(Connection c, TenantId tenant, long household, String melo) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mscons(c, tenant, household, melo, bytes);
        List<MeteringPointSeries> series = MsconsReader.read(new ByteArrayInputStream(bytes.toByteArray()));
        return series.stream().mapToLong(s -> s.values().size()).sum();
    }

    private static long csv(Connection c, TenantId tenant, long household) {
        Counting out = new Counting();
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(CsvRows.HEADER);
            for (CurveRange month : YEAR.byMonth()) {
                CsvRows.write(month(c, tenant, household, month), writer);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.count;
    }

    /** The platform's migrations, as the database owner, for a login role of the benchmark's own. */
    private static void migrate(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE smgw_bench_login; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        new SchemaMigration(url, user, password, "smgw_bench_login").migrate();
    }

    /** Tenant {@value #TENANT} with one household and the year 2025 of both registers (2 x 35,041 rows), once. */
    private static long setUp(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + TENANT
                    + "', 'Benchmark readings', 'METERING_POINT_OPERATOR') ON CONFLICT DO NOTHING");
            s.execute("""
                    INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)
                    VALUES ('%s', 'Bench readings', 'Weg 1', '34117', 'Kassel', 'DEBENCHREADINGS%s1', 'BENCH1')
                    ON CONFLICT DO NOTHING""".formatted(TENANT, "0".repeat(17)));
        }
        BenchSupport.partitions2025(c);
        long id;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM household WHERE tenant_id = '" + TENANT + "' ORDER BY id LIMIT 1")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM meter_reading WHERE tenant_id = '" + TENANT + "'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return id;
            }
        }
        BenchSupport.readings(c, TENANT, id, YEAR);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE meter_reading");
        }
        System.out.printf(Locale.ROOT, "setup: one household-year written, %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return id;
    }
}
