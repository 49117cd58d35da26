package org.smgwlite.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.infra.MigratedPostgres;
import org.smgwlite.platform.metering.retention.Retention;
import org.smgwlite.platform.metering.retention.RetentionReport;
import org.smgwlite.platform.metering.retention.RetentionSettings;

/**
 * Database size per household-year, measured: an embedded PostgreSQL migrated as the run command's, N households
 * each given the first D days of 2025 ({@code -Dsizing.days}, default the whole year) of day-after data in the real
 * schema — 96 quarter hours a day x 2 registers (import, export) COPY'd into {@code meter_reading} (its statement trigger
 * builds {@code meter_reading_day}), and one signed batch per household-day in {@code reading_batch} (D real CMS-signed
 * day bodies of 192 values, made once and stored per household; {@link SizingData}). Prints the measured totals (rows,
 * table / index / total bytes, load time, readings/s), then rows and bytes per household-year scaled from the D days
 * (x365/D), partitions, and the projection for 10k, 100k and 1M households (linear in households and in days); then
 * retires January (archive + drop) and prints its time.
 *
 * <pre>mvn -q -pl platform-ear/core -Psizing test-compile exec:java [-Dsizing.households=100] [-Dsizing.days=365]</pre>
 */
public final class SizingBenchmark {

    private static final DatabaseRoles ROLES = new DatabaseRoles("size_owner", "owner-pw", "size_login", "login-pw");
    private static final int YEAR = 2025;
    private static final String TENANT = SizingData.TENANT;

    private SizingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = Integer.getInteger("sizing.households", 100);
        int days = Integer.getInteger("sizing.days", daysOf(YEAR));
        if (households < 1 || days < 1 || days > daysOf(YEAR)) {
            throw new IllegalArgumentException("-Dsizing.households must be at least 1 (was " + households + ") and -Dsizing.days 1 to "
                    + daysOf(YEAR) + " (days of " + YEAR + " from 1 January; was " + days + ")");
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        SizingData data = new SizingData(YEAR, days);
        try (MigratedPostgres db = MigratedPostgres.start(ROLES);
             // the superuser: COPY FROM refuses tables with row-level security, which FORCE applies to their owner too
             Connection c = db.embedded().getDatabase("postgres", "smgw").getConnection()) {
            setUp(c, households, data);
            long start = System.nanoTime();
            load(c, households, data);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            List<Size> sizes = List.of(size(c, "meter_reading"), size(c, "meter_reading_day"), size(c, "reading_batch"));
            printMeasured(sizes, households, days, loadSeconds);
            print(sizes, households, days, partitions(c));
            retireJanuary(db.url(), households, days);
        }
    }

    /** The tenant, the households, the months of the year (the migration made only those around today), the day bodies. */
    private static void setUp(Connection c, int households, SizingData data) throws SQLException {
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
        List<byte[]> bodies = data.signedDays();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO day_body VALUES (?, ?)")) {
            for (int d = 0; d < bodies.size(); d++) {
                ps.setInt(1, d);
                ps.setBytes(2, bodies.get(d));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Per household: its day batches (one INSERT), then its readings (one COPY, as one upload's statement fires the trigger). */
    private static void load(Connection c, int households, SizingData data) throws Exception {
        PGConnection pg = c.unwrap(PGConnection.class);
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
                data.copy(pg, h);
                if (h % Math.max(1, households / 10) == 0) {
                    System.out.printf(Locale.ROOT, "  %d households loaded%n", h);
                }
            }
        }
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

    /** What was loaded, as measured: all households, {@code days} days. */
    private static void printMeasured(List<Size> sizes, int households, int days, double loadSeconds) {
        long readings = sizes.get(0).rows();
        System.out.printf(Locale.ROOT, "loaded %d households x %d day(s) of %d: %,d readings in %.1f s (%,.0f readings/s incl. day rows"
                + " and batches)%n%n", households, days, YEAR, readings, loadSeconds, readings / loadSeconds);
        System.out.printf(Locale.ROOT, "measured, all %d households x %d day(s) as loaded (not scaled):%n", households, days);
        table(sizes, 1, 1);
    }

    /** Per household and year: the measured figures / households x 365 / days. */
    private static void print(List<Size> sizes, int households, int days, long partitions) {
        int yearDays = daysOf(YEAR);
        System.out.printf(Locale.ROOT, "per household-year: measured over %d day(s), scaled x%d/%d, / %d households:%n", days,
                yearDays, days, households);
        long total = table(sizes, households, (double) yearDays / days);
        long rowsPerHouseholdYear = Math.round(sizes.get(0).rows() * (double) yearDays / days / households);
        long partitionBytes = Math.round(sizes.get(0).total() * (double) yearDays / days / households);
        System.out.printf(Locale.ROOT, "partitions of meter_reading for the year: %d (one a month, whatever the households)%n%n", partitions);
        System.out.printf(Locale.ROOT, "projected linearly in households (one year; readings, batches and day rows; measured over %d"
                + " day(s), scaled x%d/%d):%n", days, yearDays, days);
        System.out.println("| households | readings a year | bytes a year | rows per monthly partition | one partition |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (long n : LongStream.of(households, 10_000, 100_000, 1_000_000).distinct().toArray()) {
            long rowsPerYear = rowsPerHouseholdYear * n;
            System.out.printf(Locale.ROOT, "| %,d%s | %,d | %s | %,d | %s |%n", n, n == households ? " (measured)" : "", rowsPerYear,
                    human(total * n), rowsPerYear / 12, human(partitionBytes * n / 12));
        }
        System.out.println();
    }

    /** The table of rows and bytes, each figure / {@code households} x {@code scale}; returns the sum of the total bytes. */
    private static long table(List<Size> sizes, int households, double scale) {
        System.out.printf(Locale.ROOT, "| %-17s | %14s | %14s | %14s | %14s |%n", "table", "rows", "table bytes", "index bytes",
                "total bytes");
        System.out.println("|---|---:|---:|---:|---:|");
        long sum = 0;
        for (Size s : sizes) {
            long total = Math.round(s.total() * scale / households);
            System.out.printf(Locale.ROOT, "| %-17s | %,14d | %,14d | %,14d | %,14d |%n", s.table(), Math.round(s.rows() * scale / households),
                    Math.round(s.tableBytes() * scale / households), Math.round(s.indexBytes() * scale / households), total);
            sum += total;
        }
        System.out.printf(Locale.ROOT, "| %-17s | %14s | %14s | %14s | %,14d |%n%n", "sum", "", "", "", sum);
        return sum;
    }

    /**
     * January archived to a temporary directory and dropped by the platform's own retention, as its login role. With
     * fewer than 31 days loaded January holds only those: retired all the same, its archive scaled to a whole month.
     */
    private static void retireJanuary(String url, int households, int days) throws Exception {
        Path archives = Files.createTempDirectory("sizing-archive");
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(url);
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
        YearMonth january = YearMonth.of(YEAR, 1);
        int januaryDays = Math.min(days, january.lengthOfMonth());
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
        long rows = report.retired().get(0).rows();
        System.out.printf(Locale.ROOT, "retention of January (%d day(s) loaded, %,d readings): archived, checked and dropped in %.1f s"
                + " (%,.0f readings/s); archive %s = %,d bytes per household", januaryDays, rows, seconds, rows / seconds, human(bytes),
                bytes / households);
        if (januaryDays < january.lengthOfMonth()) {
            System.out.printf(Locale.ROOT, " over %d day(s); per household-month: %,d (measured over %d day(s), scaled x%d/%d)%n",
                    januaryDays, Math.round((double) bytes / households * january.lengthOfMonth() / januaryDays), januaryDays,
                    january.lengthOfMonth(), januaryDays);
        } else {
            System.out.println("-month");
        }
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
