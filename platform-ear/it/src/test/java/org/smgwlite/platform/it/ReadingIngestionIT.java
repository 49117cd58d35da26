package org.smgwlite.platform.it;

import static org.smgwlite.platform.it.ItPlatform.enrollmentCode;
import static org.smgwlite.platform.it.ItPlatform.householdOfGateway;
import static org.smgwlite.platform.it.ItPlatform.registeredGateway;
import static org.smgwlite.platform.it.ItPlatform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.upload.EichlogRestart;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.UploadService;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * The day-after pipeline on the deployed platform: a gateway enrolls (TLS and signature certificate, keys made
 * here as on the gateway), signs a day with the shared contract and posts it over mutual TLS to
 * {@code /api/device/batches}. Checks exactly-once storage, the idempotent repeat, per-value rejects with
 * reasons, gaps, and that a tampered or foreign-signed batch stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadingIngestionIT extends OnDevicePort {

    private static final String BASE = ItPlatform.BASE;
    private static final String DEVICE = ItPlatform.DEVICE;
    private static final String TENANT = ItPlatform.TENANT;
    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";

    private static X509Certificate root;
    private static TestGateway.Platform platform;

    @BeforeAll
    static void gatewaysTrustTheRoot() throws Exception {
        root = PemCredentials.readChain(rootChain).get(0);
        platform = new TestGateway.Platform(BASE, DEVICE, TENANT, root);
    }

    @Test
    void a_signed_day_is_stored_once_and_a_repeated_upload_changes_nothing() throws Exception {
        TestGateway gw = enrolledGateway();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        ReadingBatch batch = new ReadingBatch(gw.id(), Instant.now(), dayValues(gw.householdId(), day, 96, -1), eichlog(1, 2));
        byte[] signed = SignedBatches.sign(batch, gw.signatureKeys().getPrivate(), gw.signatureCertificate());

        TestGateway.Answer first = upload(gw, signed);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"accepted\":192").contains("\"rejected\":0").contains("\"repeated\":false");
        assertThat(count("meter_reading", gw, IMPORT)).isEqualTo(96);
        assertThat(count("meter_reading", gw, EXPORT)).isEqualTo(96);
        assertThat(sql("SELECT count(*) FROM eichlog_entry WHERE gateway_id = ?", gw.id())).containsExactly("2");
        assertThat(sql("SELECT signed_body FROM reading_batch WHERE gateway_id = ?", gw.id())).hasSize(1);
        assertThat(sha256(sqlBytes("SELECT signed_body FROM reading_batch WHERE gateway_id = ?", gw.id()))).isEqualTo(sha256(signed));

        // the acknowledgement was lost: the same body again
        TestGateway.Answer again = upload(gw, signed);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"repeated\":true").contains("\"accepted\":192");
        // a new signature over the same values (a re-built batch): all duplicates, nothing new
        byte[] resigned = SignedBatches.sign(new ReadingBatch(gw.id(), Instant.now(), batch.values(), List.of()),
                gw.signatureKeys().getPrivate(), gw.signatureCertificate());
        TestGateway.Answer rebuilt = upload(gw, resigned);
        assertThat(rebuilt.body()).contains("\"accepted\":0").contains("\"duplicates\":192").contains("\"rejected\":0");
        assertThat(count("meter_reading", gw, IMPORT)).isEqualTo(96);
        assertThat(sql("SELECT count(*) FROM reading_gap WHERE household_id = ?::bigint AND slot_start >= ?::timestamptz",
                String.valueOf(gw.householdId()), day.toString())).containsExactly("0");
        assertThat(lastAudit(gw)).startsWith("READING_BATCH_STORED SUCCESS");
    }

    @Test
    void the_same_body_twice_at_once_is_stored_once_and_both_get_the_answer() throws Exception {
        TestGateway gw = enrolledGateway();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(9));
        byte[] signed = gw.sign(new ReadingBatch(gw.id(), Instant.now(), dayValues(gw.householdId(), day, 96, -1), List.of()));
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> upload(gw, signed));
            var second = two.submit(() -> upload(gw, signed));
            for (TestGateway.Answer answer : List.of(first.get(), second.get())) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"accepted\":192");
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(sql("SELECT count(*) FROM reading_batch WHERE gateway_id = ?", gw.id())).containsExactly("1");
        assertThat(count("meter_reading", gw, IMPORT)).isEqualTo(96);
    }

    @Test
    void a_partly_bad_batch_stores_the_good_values_reports_each_bad_one_and_records_gaps() throws Exception {
        TestGateway gw = enrolledGateway();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        List<BatchValue> values = new ArrayList<>(dayValues(gw.householdId(), day, 96, 10)); // slot 10 missing: a gap
        Instant s20 = day.plus(Duration.ofMinutes(15 * 20));
        values.removeIf(v -> v.slotStart().equals(s20) && v.obis().equals(IMPORT));
        values.add(new BatchValue(gw.householdId(), 7, s20, IMPORT, BigInteger.ONE, -1, "Wh", 0, 0));               // decreasing
        values.add(new BatchValue(gw.householdId(), 7, day.plus(Duration.ofDays(5)), IMPORT, BigInteger.valueOf(9_999_999), -1, "Wh", 0, 0)); // future
        values.add(new BatchValue(gw.householdId() + 100_000, 7, day, IMPORT, BigInteger.TEN, -1, "Wh", 0, 0));     // not served
        values.add(new BatchValue(gw.householdId(), 7, day, "1-0:99.8.0*255", BigInteger.TEN, -1, "Wh", 0, 0));    // unknown OBIS
        values.add(new BatchValue(gw.householdId(), 7, day.plusSeconds(60), EXPORT, BigInteger.TEN, -1, "Wh", 0, 0)); // not aligned
        ReadingBatch batch = new ReadingBatch(gw.id(), Instant.now(), values, List.of());

        TestGateway.Answer r = upload(gw, SignedBatches.sign(batch, gw.signatureKeys().getPrivate(), gw.signatureCertificate()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"accepted\":189").contains("\"rejected\":5")
                .contains("\"reason\":\"DECREASING\"").contains("\"reason\":\"IN_FUTURE\"").contains("\"reason\":\"NOT_SERVED\"")
                .contains("\"reason\":\"UNKNOWN_OBIS\"").contains("\"reason\":\"NOT_ALIGNED\"");
        assertThat(count("meter_reading", gw, IMPORT)).isEqualTo(94);
        assertThat(count("meter_reading", gw, EXPORT)).isEqualTo(95);
        assertThat(sql("SELECT obis || ' ' || to_char(slot_start AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || split_part(reason, ':', 1)"
                        + " FROM reading_gap WHERE household_id = ?::bigint AND slot_start >= ?::timestamptz AND slot_start < ?::timestamptz ORDER BY 1",
                String.valueOf(gw.householdId()), day.toString(), day.plus(Duration.ofDays(1)).toString()))
                .containsExactly(IMPORT + " 02:30 MISSING", IMPORT + " 05:00 REJECTED", EXPORT + " 02:30 MISSING");
        assertThat(sql("SELECT count(*) FROM reading_reject r JOIN reading_batch b ON b.id = r.batch_id WHERE b.gateway_id = ?", gw.id()))
                .containsExactly("5");

        // the missing slot arrives later: its gaps are marked filled by that batch and kept; the refused slot stays open
        List<BatchValue> late = dayValues(gw.householdId(), day, 11, -1).subList(20, 22);
        TestGateway.Answer lateAnswer = upload(gw, gw.sign(new ReadingBatch(gw.id(), Instant.now(), late, List.of())));
        assertThat(lateAnswer.body()).contains("\"accepted\":2").contains("\"gaps\":0");
        assertThat(sql("SELECT obis || ' ' || to_char(slot_start AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || (filled_batch_id IS NOT NULL)"
                        + " FROM reading_gap WHERE household_id = ?::bigint AND slot_start >= ?::timestamptz AND slot_start < ?::timestamptz ORDER BY 1",
                String.valueOf(gw.householdId()), day.toString(), day.plus(Duration.ofDays(1)).toString()))
                .containsExactly(IMPORT + " 02:30 true", IMPORT + " 05:00 false", EXPORT + " 02:30 true");
    }

    @Test
    void a_tampered_or_foreign_signed_batch_is_refused_and_stores_nothing() throws Exception {
        TestGateway gw = enrolledGateway();
        TestGateway other = enrolledGateway();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
        ReadingBatch batch = new ReadingBatch(gw.id(), Instant.now(), dayValues(gw.householdId(), day, 96, -1), List.of());
        byte[] signed = SignedBatches.sign(batch, gw.signatureKeys().getPrivate(), gw.signatureCertificate());
        byte[] tampered = signed.clone();
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("\tWh\t");
        tampered[at - 3] ^= 0x01;

        TestGateway.Answer bad = upload(gw, tampered);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"reason\":\"BAD_SIGNATURE\"");
        assertThat(lastAudit(gw)).startsWith("READING_BATCH_REFUSED REFUSED BAD_SIGNATURE");

        TestGateway.Answer foreign = upload(gw, SignedBatches.sign(batch, other.signatureKeys().getPrivate(), other.signatureCertificate()));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"reason\":\"UNKNOWN_SIGNER\"");

        TestGateway.Answer garbage = upload(gw, "not a batch".getBytes(StandardCharsets.US_ASCII));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("\"reason\":\"MALFORMED\"");

        byte[] otherGatewaysBatch = SignedBatches.sign(new ReadingBatch(other.id(), Instant.now(), batch.values(), List.of()),
                gw.signatureKeys().getPrivate(), gw.signatureCertificate());
        TestGateway.Answer mismatch = upload(gw, otherGatewaysBatch);
        assertThat(mismatch.statusCode()).isEqualTo(403);
        assertThat(mismatch.body()).contains("\"reason\":\"GATEWAY_MISMATCH\"");

        TestGateway.Answer oversized = upload(gw, new byte[4 * 1024 * 1024 + 1]);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("\"reason\":\"TOO_LARGE\"");

        List<String> brokenChain = new ArrayList<>(eichlog(1, 3));
        brokenChain.remove(1);
        TestGateway.Answer chain = upload(gw, SignedBatches.sign(new ReadingBatch(gw.id(), Instant.now(), batch.values(), brokenChain),
                gw.signatureKeys().getPrivate(), gw.signatureCertificate()));
        assertThat(chain.statusCode()).isEqualTo(400);
        assertThat(chain.body()).contains("\"reason\":\"EICHLOG_BROKEN\"");

        assertThat(count("meter_reading", gw, IMPORT)).isZero();
        assertThat(sql("SELECT count(*) FROM reading_batch WHERE gateway_id = ?", gw.id())).containsExactly("0");
        assertThat(sql("SELECT count(*) FROM eichlog_entry WHERE gateway_id = ?", gw.id())).containsExactly("0");
        // the oversized body is refused while it is read, before the batch is looked at: not one of the audited refusals
        assertThat(sql("SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'READING_BATCH_REFUSED'", "gateway:" + gw.id()))
                .containsExactly("5");
    }

    @Test
    void the_agent_enrolls_itself_uploads_its_store_and_acknowledges_only_what_the_platform_answered(@TempDir Path agentDir)
            throws Exception {
        String gw = registeredGateway();
        long household = householdOfGateway(gw);
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7));
        Path rootPem = agentDir.resolve("root.pem");
        Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(root.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        UploadSettings settings = new UploadSettings(URI.create(DEVICE), URI.create(DEVICE), TENANT, gw, enrollmentCode(gw), rootPem,
                agentDir.resolve("credentials"), Duration.ofMinutes(5), Duration.ofHours(4));
        List<String> events = new ArrayList<>();
        try (ValueStore store = ValueStore.open(agentDir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            List<TafValue> values = new ArrayList<>();
            for (int slot = 0; slot < 96; slot++) {
                Instant at = day.plusSeconds(900L * slot);
                values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(IMPORT),
                        new ExactValue(20_000_000L + 700L * slot, -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            }
            store.appendBilling(values);
            Path eichlogFile = agentDir.resolve("eichlog.log");
            try (Eichlog eichlog = Eichlog.open(eichlogFile, Clock.systemUTC())) {
                eichlog.append(EventType.START, "device-agent pid 1");
                eichlog.append(EventType.CONFIG, "initial source=simulate\twith a tab");
                eichlog.append(EventType.TAF6, "reason=move-out");
            }
            // the agent's status goes along after each run (POST /api/device/status) and shows in the operator's list
            UploadService service = new UploadService(settings, PendingValues.of(store), eichlogFile,
                    org.smgwlite.agent.upload.Uploader.Pacing.DAILY, Clock.systemUTC(),
                    () -> "{\"agentVersion\":\"it-0.1\",\"meterProtocol\":\"SML\",\"pendingValues\":0,\"later\":true}", events::add);

            org.smgwlite.agent.upload.Uploader.Run result = service.uploadNow();

            assertThat(result.acknowledged()).as(String.join("\n", events)).isTrue();
            assertThat(events).as("the status report went through").noneMatch(e -> e.startsWith("status report failed"));
            String summaries = ItPlatform.operator("GET", "/gateways/summaries?search=" + gw, null).body();
            assertThat(summaries).contains("\"agentVersion\":\"it-0.1\"", "\"meterProtocol\":\"SML\"", "\"agentStatusAt\":")
                    .doesNotContain("later");
            assertThat(store.readUnacknowledged(1000)).isEmpty();
            assertThat(sql("SELECT count(*) FROM meter_reading WHERE household_id = ?::bigint AND obis = ?",
                    String.valueOf(household), IMPORT)).containsExactly("96");
            assertThat(Files.exists(agentDir.resolve("credentials/tls.key"))).isTrue();
            assertThat(sql("SELECT string_agg(n || ' ' || type, ',' ORDER BY n) FROM eichlog_entry WHERE gateway_id = ?", gw))
                    .containsExactly("1 START,2 CONFIG,3 TAF6");

            // the next run uses the kept credentials (the one-time code is spent) and has nothing to send
            assertThat(service.uploadNow().sent()).isZero();

            // the journal file is lost: the agent starts a new chain, closes the stored one with EICHLOG_RESET (fetched
            // head + 1, alone in a batch), then sends the new chain with the next values
            Files.delete(eichlogFile);
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            try (Eichlog eichlog = Eichlog.open(eichlogFile, Clock.systemUTC())) {
                assertThat(EichlogRestart.afterOpen(eichlog, agentDir.resolve("credentials"), new java.io.PrintStream(err, true)))
                        .isPresent();
                eichlog.append(EventType.START, "device-agent pid 2");
            }
            assertThat(err.toString()).contains("EICHLOG RESET");
            Instant nextDay = day.plus(Duration.ofDays(1));
            List<TafValue> later = new ArrayList<>();
            for (int slot = 0; slot < 4; slot++) {
                Instant at = nextDay.plusSeconds(900L * slot);
                later.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(IMPORT),
                        new ExactValue(20_000_000L + 700L * (96 + slot), -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            }
            store.appendBilling(later);

            assertThat(service.uploadNow().acknowledged()).as(String.join("\n", events)).isTrue();
            assertThat(sql("SELECT string_agg(chain || ':' || n || ' ' || type, ',' ORDER BY chain, n) FROM eichlog_entry WHERE gateway_id = ?", gw))
                    .containsExactly("1:1 START,1:2 CONFIG,1:3 TAF6,1:4 EICHLOG_RESET,2:1 START");
            assertThat(sql("SELECT line FROM eichlog_entry WHERE gateway_id = ? AND type = 'EICHLOG_RESET'", gw))
                    .singleElement().asString().as("the closing entry says why").contains("missing or empty");
            assertThat(sql("SELECT count(*) FROM meter_reading WHERE household_id = ?::bigint AND obis = ?",
                    String.valueOf(household), IMPORT)).containsExactly("100");
            assertThat(store.readUnacknowledged(1000)).isEmpty();
        }
    }

    @Test
    void a_gateway_of_a_brainpool_tenant_enrolls_and_uploads_on_brainpool_keys_through_the_device_port(@TempDir Path agentDir)
            throws Exception {
        // the tenant's certificates follow the brainpool policy (chosen by a platform admin, tenant.curve_policy): the agent
        // reads the tenant CA from /cacerts and makes brainpoolP256r1 keys; TLS with the port (Bouncy Castle JSSE on
        // Payara) and the batch signature run on them
        String tenant = "it-brainpool";
        sql("INSERT INTO tenant (id, name, kind, curve_policy) VALUES (?, 'IT brainpool', 'METERING_POINT_OPERATOR', 'brainpool')"
                + " ON CONFLICT DO NOTHING", tenant);
        String gw = "BPGW" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String mlo = ("DE" + UUID.randomUUID().toString().replace("-", "") + "00000").toUpperCase().substring(0, 33);
        long household = Long.parseLong(sql("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                + " VALUES (?, 'Brainpool IT', 'Teststr. 2', '12345', 'Teststadt', ?, '1ESY0000000002') RETURNING id", tenant, mlo).get(0));
        TestGateway.Platform platform = new TestGateway.Platform(BASE, DEVICE, tenant, null);
        platform.registerGateway(ItPlatform.token("admin"), gw, household);
        Path rootPem = agentDir.resolve("root.pem");
        Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(root.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        UploadSettings settings = new UploadSettings(URI.create(DEVICE), URI.create(DEVICE), tenant, gw,
                platform.enrollmentCode(ItPlatform.token("admin"), gw), rootPem, agentDir.resolve("credentials"),
                Duration.ofMinutes(5), Duration.ofHours(4));
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        List<String> events = new ArrayList<>();
        try (ValueStore store = ValueStore.open(agentDir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            List<TafValue> values = new ArrayList<>();
            for (int slot = 0; slot < 8; slot++) {
                Instant at = day.plusSeconds(900L * slot);
                values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(IMPORT),
                        new ExactValue(3_000_000L + 500L * slot, -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            }
            store.appendBilling(values);
            UploadService service = new UploadService(settings, PendingValues.of(store), Clock.systemUTC(), events::add);

            assertThat(service.uploadNow().acknowledged()).as(String.join("\n", events)).isTrue();
        }
        assertThat(sql("SELECT count(*) FROM meter_reading WHERE household_id = ?::bigint", String.valueOf(household)))
                .containsExactly("8");
        for (String credential : List.of("tls", "signature")) {
            List<X509Certificate> chain = PemCredentials.readChain(agentDir.resolve("credentials/" + credential + ".chain.pem"));
            assertThat(Curve.of(chain.get(0).getPublicKey())).as(credential + " key").isEqualTo(Curve.BRAINPOOL_P256R1);
        }
    }

    // ------------------------------------------------------------------------------------------------------

    /** Registration by the operator, EST with the one-time code, then the signature certificate over mutual TLS. */
    private static TestGateway enrolledGateway() throws Exception {
        String gw = registeredGateway();
        return platform.enroll(gw, householdOfGateway(gw), enrollmentCode(gw));
    }

    private static TestGateway.Answer upload(TestGateway gw, byte[] body) throws Exception {
        return gw.upload(DEVICE, body);
    }

    @Test
    void an_on_demand_reading_that_does_not_fit_the_15_minute_series_is_rejected_and_one_that_fits_is_kept() throws Exception {
        TestGateway gw = enrolledGateway();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        assertThat(upload(gw, gw.sign(new ReadingBatch(gw.id(), Instant.now(), dayValues(gw.householdId(), day, 96, -1),
                List.of()))).body()).contains("\"accepted\":192");
        // slot 10 holds 1,235,500.0 Wh and slot 11 1,235,600.0 Wh; readings taken on demand five minutes after slot 10:
        Instant at = day.plus(Duration.ofMinutes(15L * 10 + 5));
        List<BatchValue> taf6 = List.of(
                new BatchValue(gw.householdId(), 6, at, IMPORT, BigInteger.valueOf(12_354_900), -1, "Wh", 0, 0),   // below slot 10
                new BatchValue(gw.householdId(), 6, at.plusSeconds(1), IMPORT, BigInteger.valueOf(12_356_001), -1, "Wh", 0, 0), // above slot 11
                new BatchValue(gw.householdId(), 6, at.plusSeconds(2), IMPORT, BigInteger.valueOf(12_355_300), -1, "Wh", 0, 0)); // fits

        TestGateway.Answer answer = upload(gw, gw.sign(new ReadingBatch(gw.id(), Instant.now(), taf6, List.of())));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"accepted\":1").contains("\"rejected\":2").contains("\"reason\":\"DECREASING\"")
                .contains("1235490.0 at " + at + " is below 1235500.0 at " + day.plus(Duration.ofMinutes(150)))
                .contains("1235600.0 at " + day.plus(Duration.ofMinutes(15L * 11)) + " is below 1235600.1");
        assertThat(sql("SELECT value_unscaled FROM taf6_reading WHERE household_id = ?::bigint", String.valueOf(gw.householdId())))
                .containsExactly("12355300");
        assertThat(count("meter_reading", gw, IMPORT)).as("the 15-minute series is untouched").isEqualTo(96);
    }

    /** A day of TAF 7 values for import and export; {@code skip} is a slot left out (-1: none). */
    private static List<BatchValue> dayValues(long householdId, Instant day, int slots, int skip) {
        List<BatchValue> values = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            if (i == skip) {
                continue;
            }
            Instant slot = day.plus(Duration.ofMinutes(15L * i));
            values.add(new BatchValue(householdId, 7, slot, IMPORT, BigInteger.valueOf(12_345_000 + 1_000L * i), -1, "Wh", 0, 0));
            values.add(new BatchValue(householdId, 7, slot, EXPORT, BigInteger.valueOf(500_000 + 20L * i), -1, "Wh", 0, 0));
        }
        return values;
    }

    /** Eichlog entries {@code from..to} as the agent writes them (hash over the first five fields). */
    private static List<String> eichlog(int from, int to) throws Exception {
        List<String> lines = new ArrayList<>();
        String prev = "0".repeat(64);
        for (int n = from; n <= to; n++) {
            String content = n + "\t2026-11-24T00:0" + n + ":00Z\tSTART\tagent started\t" + prev;
            String hash = sha256(content.getBytes(StandardCharsets.UTF_8));
            lines.add(content + "\t" + hash);
            prev = hash;
        }
        return lines;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int count(String table, TestGateway gw, String obis) throws Exception {
        return Integer.parseInt(sql("SELECT count(*) FROM " + table + " t JOIN reading_batch b ON b.id = t.batch_id"
                + " WHERE b.gateway_id = ? AND t.obis = ?", gw.id(), obis).get(0));
    }

    private static String lastAudit(TestGateway gw) throws Exception {
        List<String> row = sql("SELECT action || ' ' || outcome || ' ' || detail FROM audit_event WHERE subject = ? ORDER BY id DESC LIMIT 1",
                "gateway:" + gw.id());
        return row.isEmpty() ? "none" : row.get(0);
    }

    private static byte[] sqlBytes(String query, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(ItPlatform.DB_URL, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
