package org.smgwlite.platform.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.platform.infra.MigratedPostgres;
import org.smgwlite.platform.metering.retention.Retention;
import org.smgwlite.platform.metering.retention.RetentionReport;
import org.smgwlite.platform.metering.retention.RetentionSettings;

/**
 * Database size per household-year, measured: an embedded PostgreSQL migrated as the run command's, N households
 * each given a year (2025) of day-after data in the real schema — 35,040 quarter hours x 2 registers (import, export)
 * COPY'd into {@code meter_reading} (its statement trigger builds {@code meter_reading_day}), and one signed batch per
 * household-day in {@code reading_batch} (365 real CMS-signed day bodies of 192 values, made once and stored per
 * household). Prints rows and table / index / total bytes per household-year, partitions, and the projection for
 * 10k, 100k and 1M households (linear in households); then retires January (archive + drop) and prints its time.
 *
 * <pre>mvn -q -pl platform-ear/core -Psizing test-compile exec:java [-Dsizing.households=100]</pre>
 */
public final class SizingBenchmark {

    private static final DatabaseRoles ROLES = new DatabaseRoles("size_owner", "owner-pw", "size_login", "login-pw");
    private static final int YEAR = 2025;
    private static final String TENANT = "sizing";
    private static final String[] OBIS = {"1-0:1.8.0*255", "1-0:2.8.0*255"};
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'").withZone(ZoneOffset.UTC);

    private SizingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = Integer.getInteger("sizing.households", 100);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try (MigratedPostgres db = MigratedPostgres.start(ROLES);
             // the superuser: COPY FROM refuses tables with row-level security, which FORCE applies to their owner too
             Connection c = db.embedded().getDatabase("postgres", "smgw").getConnection()) {
            setUp(c, households);
            long start = System.nanoTime();
            load(c, households);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            long readings = households * 2L * daysOf(YEAR) * 96;
            System.out.printf(Locale.ROOT, "loaded %d households x 1 year: %,d readings in %.0f s (%,.0f readings/s incl. day rows"
                    + " and batches)%n%n", households, readings, loadSeconds, readings / loadSeconds);
            List<Size> sizes = List.of(size(c, "meter_reading"), size(c, "meter_reading_day"), size(c, "reading_batch"));
            print(sizes, households, partitions(c));
            retireJanuary(db.url(), households);
        }
    }

    /** The tenant, the households and the months of the year (the migration made only those around today). */
    private static void setUp(Connection c, int households) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + TENANT + "', 'Sizing', 'METERING_POINT_OPERATOR')");
            s.execute("INSERT INTO household (id, tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                    + " SELECT h, '" + TENANT + "', 'H ' || h, 'S', '12345', 'C', 'DE' || lpad(h::text, 31, '0'), 'M' || h"
                    + " FROM generate_series(1, " + households + ") h");
            for (int m = 1; m <= 12; m++) {
                s.execute("SELECT partition_ensure_month('meter_reading', DATE '" + YearMonth.of(YEAR, m).atDay(1) + "')");
            }
            s.execute("CREATE TEMP TABLE day_body (day integer PRIMARY KEY, body bytea NOT NULL)");
        }
        List<byte[]> bodies = signedDays();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO day_body VALUES (?, ?)")) {
            for (int d = 0; d < bodies.size(); d++) {
                ps.setInt(1, d);
                ps.setBytes(2, bodies.get(d));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** 365 real signed day bodies of one gateway (192 values and an Eichlog line each), as the agent uploads them. */
    private static List<byte[]> signedDays() {
        CertificateAuthority ca = CaHierarchy.createTenantCa(CaHierarchy.createRoot("Sizing Root", CurvePolicy.NIST,
                Duration.ofDays(30)), TenantId.of(TENANT), CurvePolicy.NIST, Duration.ofDays(20));
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        GatewayId gw = GatewayId.of("EDEF0000000001");
        X509Certificate cert = ca.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys, gw)), gw,
                CertificateProfile.GATEWAY_SIGNATURE).certificate();
        List<byte[]> bodies = new ArrayList<>();
        long[][] year = registers(1, daysOf(YEAR) * 96);
        for (int d = 0; d < daysOf(YEAR); d++) {
            Instant day = LocalDate.of(YEAR, 1, 1).plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<BatchValue> values = new ArrayList<>();
            for (int slot = 0; slot < 96; slot++) {
                int q = d * 96 + slot;
                for (int r = 0; r < 2; r++) {
                    values.add(new BatchValue(1, 7, day.plus(Duration.ofMinutes(15L * slot)), OBIS[r], BigInteger.valueOf(year[r][q]),
                            -1, "Wh", 3, 0));
                }
            }
            bodies.add(SignedBatches.sign(new ReadingBatch(gw.value(), day.plus(Duration.ofMinutes(1450)), values,
                    List.of(d + 1 + "\t" + day + "\tDAY\tclosed\t" + "0".repeat(64) + "\t" + "a".repeat(64))), keys.getPrivate(), cert));
        }
        return bodies;
    }

    /**
     * A household's two registers in 0.1 Wh over the year, quarter hour by quarter hour: import from 5 MWh on, 0-160 Wh
     * a quarter hour at random (about 3,500 kWh a year); export (PV feed-in) 0-250 Wh a quarter hour around midday only.
     * Random, not a formula, so that the archive's compression is not flattered by regular values.
     */
    private static long[][] registers(long household, int quarterHours) {
        SplittableRandom random = new SplittableRandom(household);
        long[][] values = new long[2][quarterHours];
        long in = 50_000_000L + random.nextLong(10_000_000L);
        long out = 2_000_000L + random.nextLong(1_000_000L);
        for (int q = 0; q < quarterHours; q++) {
            in += random.nextInt(1_600);
            int slot = q % 96;
            out += slot > 36 && slot < 68 ? random.nextInt(2_500) : 0;
            values[0][q] = in;
            values[1][q] = out;
        }
        return values;
    }

    private static void load(Connection c, int households) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        int days = daysOf(YEAR);
        String[] slots = new String[days * 96];
        Instant first = LocalDate.of(YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int q = 0; q < slots.length; q++) {
            slots[q] = SLOT.format(first.plus(15L * q, ChronoUnit.MINUTES));
        }
        try (PreparedStatement batches = c.prepareStatement("INSERT INTO reading_batch (id, tenant_id, gateway_id, household_id,"
                + " received_at, signed_body, body_sha256, signer_serial, accepted, rejected, duplicates, gaps)"
                + " SELECT ? * 1000 + day, '" + TENANT + "', 'GW' || ?, ?, TIMESTAMPTZ '" + YEAR + "-01-02 01:00Z' + day * interval '1 day',"
                + " body, encode(sha256(body || int8send(?)), 'hex'), '0123456789abcdef0123456789abcdef', 192, 0, 0, 0 FROM day_body")) {
            for (int h = 1; h <= households; h++) {
                batches.setLong(1, h);
                batches.setLong(2, h);
                batches.setLong(3, h);
                batches.setLong(4, h);
                batches.executeUpdate();
                copy.copyIn("COPY meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit, ptb_level,"
                        + " flags, taf, batch_id, received_at) FROM STDIN", householdYear(h, slots));
                if (h % Math.max(1, households / 10) == 0) {
                    System.out.printf(Locale.ROOT, "  %d households loaded%n", h);
                }
            }
        }
    }

    /** A household's year as COPY text rows. */
    private static InputStream householdYear(long h, String[] slots) {
        StringBuilder rows = new StringBuilder(slots.length * 2 * 110);
        long[][] values = registers(h, slots.length);
        for (int q = 0; q < slots.length; q++) {
            long batch = h * 1000 + q / 96;
            String received = slots[Math.min(slots.length - 1, (q / 96 + 1) * 96)];
            for (int r = 0; r < 2; r++) {
                rows.append(TENANT).append('\t').append(h).append('\t').append(OBIS[r]).append('\t').append(slots[q]).append('\t')
                        .append(values[r][q]).append("\t-1\tWh\t3\t0\t7\t").append(batch)
                        .append('\t').append(received).append('\n');
            }
        }
        return new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private record Size(String table, long rows, long tableBytes, long indexBytes) {
        long total() {
            return tableBytes + indexBytes;
        }
    }

    /** Rows and bytes of a table, over all its partitions: table = heap + TOAST + maps, index = all its indexes. */
    private static Size size(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + table + "),"
                + " sum(pg_table_size(r)), sum(pg_indexes_size(r)) FROM (SELECT relid AS r FROM pg_partition_tree('" + table + "')"
                + " UNION SELECT '" + table + "'::regclass) t")) {
            rs.next();
            return new Size(table, rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static long partitions(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_partition_tree('meter_reading') WHERE isleaf AND relid::text ~ '_[0-9]{4}_[0-9]{2}$'"
                        + " AND relid::text LIKE 'meter_reading_" + YEAR + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(List<Size> sizes, int households, long partitions) {
        System.out.printf(Locale.ROOT, "measured, %d households x 1 year (per household-year):%n", households);
        System.out.printf(Locale.ROOT, "| %-17s | %12s | %12s | %12s | %12s |%n", "table", "rows", "table bytes", "index bytes", "total bytes");
        System.out.println("|---|---:|---:|---:|---:|");
        long total = 0;
        for (Size s : sizes) {
            System.out.printf(Locale.ROOT, "| %-17s | %,12d | %,12d | %,12d | %,12d |%n", s.table(), s.rows() / households,
                    s.tableBytes() / households, s.indexBytes() / households, s.total() / households);
            total += s.total();
        }
        System.out.printf(Locale.ROOT, "| %-17s | %12s | %12s | %12s | %,12d |%n", "sum", "", "", "", total / households);
        System.out.printf(Locale.ROOT, "partitions of meter_reading for the year: %d (one a month, whatever the households)%n%n", partitions);
        System.out.println("projected linearly in households (one year; readings, batches and day rows):");
        System.out.println("| households | readings a year | bytes a year | rows per monthly partition | one partition |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (long n : new long[] {households, 10_000, 100_000, 1_000_000}) {
            long rowsPerYear = sizes.get(0).rows() / households * n;
            System.out.printf(Locale.ROOT, "| %,d%s | %,d | %s | %,d | %s |%n", n, n == households ? " (measured)" : "", rowsPerYear,
                    human(total / households * n), rowsPerYear / 12, human(sizes.get(0).total() / households * n / 12));
        }
        System.out.println();
    }

    /** January archived to a temporary directory and dropped by the platform's own retention, as its login role. */
    private static void retireJanuary(String url, int households) throws Exception {
        Path archives = Files.createTempDirectory("sizing-archive");
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(url);
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
        YearMonth january = YearMonth.of(YEAR, 1);
        int months = (int) january.until(YearMonth.now(ZoneOffset.UTC), ChronoUnit.MONTHS) - 1;
        long start = System.nanoTime();
        RetentionReport report = new Retention(login, RetentionSettings.of(Map.of("smgw.retention.months", months), archives),
                Clock.systemUTC()).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.failures().isEmpty() || report.retired().size() != 1) {
            throw new IllegalStateException("retention of January: " + report);
        }
        long bytes;
        try (var files = Files.walk(archives)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "retention of January (%,d readings): archived, checked and dropped in %.1f s"
                        + " (%,.0f readings/s); archive %s = %,d bytes per household-month%n",
                report.retired().get(0).rows(), seconds, report.retired().get(0).rows() / seconds, human(bytes), bytes / households);
    }

    private static int daysOf(int year) {
        return YearMonth.of(year, 12).atEndOfMonth().getDayOfYear();
    }

    private static String human(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
