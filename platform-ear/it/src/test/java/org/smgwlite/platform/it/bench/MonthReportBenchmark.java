package org.smgwlite.platform.it.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.SchemaMigration;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.TenantMonthRun;
import org.smgwlite.platform.tariff.ProfileVersion;
import org.smgwlite.platform.tariff.StandardProfiles;
import org.smgwlite.platform.tariff.TariffCalendar;
import org.smgwlite.platform.tariff.TariffRules;
import org.smgwlite.platform.tariff.VersionedCalendar;

/**
 * Time of the tenant month run (TAF 7 + TAF 1 + TAF 2 of every household, stored): the target is 10,000
 * households x one month under 60 s. Not a test: it prints figures.
 *
 * <ol>
 * <li>Setup (once, kept): migrates the database with the platform's own Flyway migrations ({@link SchemaMigration});
 *     tenant {@code bench-report} with {@code --households N} households, each with October 2025 (2,980 quarter
 *     hours, the autumn switch) of import and export readings plus the closing reading of November 1st, written as
 *     the day rows the reports read ({@code meter_reading_day}, packed by V19's {@code meter_reading_pack}, signed) through
 *     generate_series; every 97th household misses a day and a few readings carry PTB level 3.</li>
 * <li>Measured: {@link TenantMonthRun#run} on one connection as the service runs it: stream the day rows chunk by
 *     chunk, decode, calculate, insert the results; each household gets a calendar object of its own over the platform's HT/NT profile
 *     ({@code StandardProfiles}, as {@code TariffService} makes them), the worst case for the zone grid cache. Rolled back and repeated.</li>
 * </ol>
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres bench_report
 * mvn -q -pl platform-ear/it test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.smgwlite.platform.it.bench.MonthReportBenchmark -Dexec.args="--households 10000"
 * </pre>
 * Options: {@code --url} (jdbc:postgresql://127.0.0.1:5432/bench_report), {@code --user}/{@code --password}
 * (postgres, the schema's owner), {@code --households N} (10000), {@code --rounds R} (3).
 */
public final class MonthReportBenchmark {

    private static final String TENANT = "bench-report";
    private static final BillingMonth MONTH = BillingMonth.of(2025, 10);
    private static final String LOGIN_ROLE = "smgw_bench_login";

    private MonthReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchSupport.options(args);
        int households = Integer.parseInt(opts.getOrDefault("households", "10000"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        String url = opts.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/bench_report");
        String user = opts.getOrDefault("user", "postgres");
        String password = opts.getOrDefault("password", "postgres");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("DO $$ BEGIN CREATE ROLE " + LOGIN_ROLE + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            }
            new SchemaMigration(url, user, password, LOGIN_ROLE).migrate();
            setUp(c, households);
            c.setAutoCommit(false); // streaming with a fetch size needs a transaction, as in the platform
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                int done = TenantMonthRun.run(c, TenantId.of(TENANT), MONTH, MonthReportBenchmark::calendars,
                        Instant.now(), (n, total) -> { });
                double seconds = BenchSupport.seconds(t0);
                long rows;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE gaps > 0),"
                             + " count(*) FILTER (WHERE error_wh > 0) FROM taf_month_report WHERE tenant_id = '"
                             + TENANT + "'")) {
                    rs.next();
                    rows = rs.getLong(1);
                    System.out.printf(Locale.ROOT, "round %d: %,d households (%,d register reports, %d with gaps, %d with"
                            + " error register energy) in %.1f s = %.2f ms per household%n", r + 1, done, rows,
                            rs.getLong(2), rs.getLong(3), seconds, seconds * 1000 / done);
                }
                c.rollback();
            }
        }
    }

    /** The platform's own HT/NT profile, compiled once, one calendar per household as {@code TariffService} makes them. */
    private static final List<ProfileVersion> HT_NT = List.of(new ProfileVersion(0, LocalDate.of(2020, 1, 1), Instant.EPOCH,
            "bench", StandardProfiles.htNt(), TariffRules.compile(StandardProfiles.htNt())));

    private static Map<Long, TariffCalendar> calendars(Collection<Long> ids) {
        Map<Long, TariffCalendar> m = new HashMap<>();
        for (Long id : ids) {
            m.put(id, new VersionedCalendar(StandardProfiles.HT_NT, HT_NT));
        }
        return m;
    }

    private static void setUp(Connection c, int households) throws Exception {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + TENANT
                    + "', 'Benchmark', 'METERING_POINT_OPERATOR') ON CONFLICT DO NOTHING");
            s.execute("""
                    INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)
                    SELECT '%s', 'Bench ' || n, 'Weg 1', '34117', 'Kassel', 'DEBENCH' || lpad(n::text, 26, '0'), 'BENCH' || n
                      FROM generate_series(1, %d) n
                    ON CONFLICT DO NOTHING""".formatted(TENANT, households));
            // slot n of the month (0 .. 2,980: the closing reading), per register; grouped into UTC days as V19 packs them
            s.execute("""
                    INSERT INTO meter_reading_day (tenant_id, household_id, obis, unit, day, readings)
                    SELECT '%1$s', h.id, o.obis, 'Wh', (t AT TIME ZONE 'UTC')::date,
                           string_agg(meter_reading_pack(t, 1000000 + n * o.step + (n * n) %% 11, -1::smallint,
                                      CASE WHEN (n + h.id) %% 499 = 0 THEN 3 ELSE 0 END::smallint, 'signed'), ''::bytea)
                      FROM household h,
                           (VALUES ('1-0:1.8.0*255', 37), ('1-0:2.8.0*255', 19)) AS o(obis, step),
                           generate_series(0, %2$d) n,
                           LATERAL (SELECT '%3$s'::timestamptz + n * interval '15 minutes' AS t) ts
                     WHERE h.tenant_id = '%1$s' AND NOT (h.id %% 97 = 0 AND n BETWEEN 960 AND 1055)
                       AND NOT EXISTS (SELECT 1 FROM meter_reading_day d WHERE d.tenant_id = h.tenant_id AND d.household_id = h.id)
                     GROUP BY h.id, o.obis, (t AT TIME ZONE 'UTC')::date"""
                    .formatted(TENANT, MONTH.quarterHours(), MONTH.start().atOffset(ZoneOffset.UTC)));
            s.execute("ANALYZE meter_reading_day");
            s.execute("ANALYZE household");
        }
        System.out.printf(Locale.ROOT, "setup: %d households (day rows of those without), %.1f s%n", households,
                BenchSupport.seconds(t0));
    }
}
