package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.sql;

import java.io.InputStream;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SMGW.Lite door on the deployed platform, called as the ESP32 firmware calls it (docs/smgwlite-protocol.md):
 * buffers built byte for byte ({@link SmgwLiteBuffer}), both field sets and the old flags, zero slots, TAF 14 entries
 * interleaved, a re-sent buffer, bad input; the stored quarter-hour and high-resolution values checked exactly in the
 * database and the day view's thin lines over REST, the answers' ack and counts; an imported {@code clients} line lets
 * a device upload with its old token.
 *
 * <p>Over 320 lines because each test is one whole firmware flow on the one door (register, upload, check rows, page
 * the upload log); split by flow, the classes would share every helper and the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LegacyUploadIT {

    private static final String TENANT = ItPlatform.TENANT;
    private static final String DOOR = ItPlatform.BASE + "/api/legacy/smgwlite/" + TENANT + "/";
    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A quarter-hour mark of yesterday (UTC), so every entry lies in the past. */
    static final long T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(14)).getEpochSecond();

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    /** A device registered over the operator API, with its token (shown once) and household. */
    record Device(String id, String token, long household) {
    }

    @Test
    void current_firmware_slot_values_and_taf14_readings_are_stored_exactly_and_a_re_sent_buffer_inserts_nothing() throws Exception {
        Device d = register();
        SmgwLiteBuffer b = new SmgwLiteBuffer(8, true, true, true)
                .taf7(T0 + 3, 1_000_000, 2150, 7, 100)          // 3 s after the mark: the slot T0
                .taf14(T0 + 60, 1_000_050, 2150, 7, 100)
                .taf14(T0 + 120, 1_000_100, -350, 7, 101)       // frost: temp is signed
                .taf14(T0 + 180, 1_000_150, 2150, 7, 101)
                .clear(5)                                        // the TAF 14 slot a TAF 7 store replaced
                .taf7(T0 + 898, 1_000_700, 2150, 7, 102);        // 2 s before the next mark: the slot T0 + 900
        byte[] body = b.sentRanges();

        HttpResponse<String> first = upload(d, "fields=" + b.fields() + "&chipTemp=41.5&uptime=12&fw=1.4.2&hw=esp32c3&IP=42", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Length")).as("the firmware does not decode chunked answers")
                .hasValue(String.valueOf(first.body().getBytes(StandardCharsets.US_ASCII).length));
        assertThat(first.headers().firstValue("Date")).as("the firmware sets its clock from it").isPresent();
        assertAck(first.body(), body);
        assertThat(number(first.body(), "received")).isEqualTo(4);
        assertThat(number(first.body(), "inserted")).isEqualTo(8);
        assertThat(number(first.body(), "highResolution")).isEqualTo(4);
        assertThat(number(first.body(), "rejected")).isZero();
        assertThat(first.body()).contains("\"ota_check\":false").doesNotContain("fw_update");

        assertThat(slotValues(d, IMPORT)).containsExactly(at(T0) + " 1000000 -1 Wh 3 legacy 7", at(T0 + 900) + " 1000700 -1 Wh 3 legacy 7");
        assertThat(slotValues(d, EXPORT)).containsExactly(at(T0) + " 100 -1 Wh 3 legacy 7", at(T0 + 900) + " 102 -1 Wh 3 legacy 7");
        assertThat(hires(d, IMPORT)).containsExactly(at(T0 + 60) + " 1000050", at(T0 + 120) + " 1000100");
        assertThat(hires(d, EXPORT)).containsExactly(at(T0 + 60) + " 100", at(T0 + 120) + " 101");
        assertThat(sql("SELECT count(*) FROM reading_gap WHERE household_id = CAST(? AS bigint)", String.valueOf(d.household())))
                .containsExactly("0");
        assertThat(sql("SELECT origin || ' ' || (signer_serial IS NULL) FROM reading_batch WHERE household_id = CAST(? AS bigint)",
                String.valueOf(d.household()))).containsExactly("legacy true");
        // the curve's read model has the two quarter-hour values of each register (V8 packs a reading whose value fits
        // an int8 in 17 bytes: int4 second of the day, int1 kind, int8 value, int2 scaler, int2 PTB level), each of kind
        // 2 (V19: an int8 of origin legacy)
        assertThat(sql("SELECT sum(length(readings)) / 17 FROM meter_reading_day WHERE household_id = CAST(? AS bigint)"
                + " AND obis = ?", String.valueOf(d.household()), IMPORT)).containsExactly("2");
        assertThat(sql("SELECT get_byte(readings, 4) || ' ' || get_byte(readings, 21) FROM meter_reading_day"
                + " WHERE household_id = CAST(? AS bigint) AND obis = ?", String.valueOf(d.household()), IMPORT))
                .containsExactly("2 2");
        // and the readings API's CSV says so: the quarter hour T0 rests on two legacy readings, the next on none
        String day = java.time.LocalDate.ofInstant(Instant.ofEpochSecond(T0), java.time.ZoneId.of("Europe/Berlin")).toString();
        HttpResponse<String> csv = ItPlatform.operator("GET", "/households/" + d.household() + "/readings?from=" + day
                + "&to=" + day + "&format=csv", null);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body().lines()).contains(Instant.ofEpochSecond(T0) + ","
                + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        Instant.ofEpochSecond(T0).atZone(java.time.ZoneId.of("Europe/Berlin")))
                + "," + IMPORT + ",100000.0,Wh,70.0,3,ok,,legacy");
        assertThat(csv.body().lines().filter(l -> l.contains(",ok,"))).as("no unsigned value passes as signed")
                .isNotEmpty().allMatch(l -> l.endsWith(",legacy"));
        assertThat(sql("SELECT firmware || ' ' || target || ' ' || ip_last_octet || ' ' || fields || ' ' || last_received"
                + " || ' ' || last_inserted FROM legacy_gateway WHERE device_id = ? AND tenant_id = ?", d.id(), TENANT))
                .containsExactly("1.4.2 esp32c3 42 " + b.fields() + " 4 8");

        // the answer was lost: the same buffer again
        HttpResponse<String> again = upload(d, "fields=" + b.fields(), body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertAck(again.body(), body);
        assertThat(number(again.body(), "inserted")).isZero();
        assertThat(number(again.body(), "duplicates")).isEqualTo(8);

        // the buffer plus a newer entry: only the new slot's values
        b.taf7(T0 + 1803, 1_001_500, 2150, 7, 103);
        HttpResponse<String> more = upload(d, "fields=" + b.fields(), b.sentRanges());
        assertThat(number(more.body(), "inserted")).as(more.body()).isEqualTo(2);
        assertThat(number(more.body(), "duplicates")).isEqualTo(8);
        assertThat(slotValues(d, IMPORT)).hasSize(3).last().asString().startsWith(at(T0 + 1800) + " 1001500 ");
        assertThat(hires(d, IMPORT)).hasSize(2);

        // the day view's thin lines: the mean power between the readings and the slot values next to them (seconds after
        // T0, Wh exact, W to the mW); none between the two slot values T0 + 900 and T0 + 1800, where no reading lies
        assertThat(fineSteps(d, IMPORT, 2)).containsExactly("0 60 5 300.000", "60 120 5 300.000", "120 900 60 276.923");
        assertThat(fineSteps(d, EXPORT, 2)).containsExactly("0 60 0 0.000", "60 120 0.1 6.000", "120 900 0.1 0.462");
        // the operator's upload log: every answered upload, newest first, a page at a time
        HttpResponse<String> log = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/uploads?offset=0&limit=2", null);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(log.headers().firstValue("X-Total-Count")).hasValue("3");
        List<String> newest = objects(log.body());
        assertThat(newest).hasSize(2);
        assertThat(newest.get(0)).contains("\"status\":200", "\"inserted\":2", "\"duplicates\":8",
                "\"bytes\":" + b.sentRanges().length);
        assertThat(newest.get(1)).contains("\"inserted\":0", "\"duplicates\":8")
                .contains("nothing new stored");
        HttpResponse<String> second = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/uploads?offset=2&limit=2", null);
        assertThat(objects(second.body())).singleElement().asString().contains("\"inserted\":8", "\"highResolution\":4",
                "\"bytes\":" + body.length);
        assertThat(second.headers().firstValue("X-Total-Count")).hasValue("3");
        // past the end: an empty page, as on every list; a bad limit 400 naming it
        HttpResponse<String> past = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/uploads?offset=3&limit=2", null);
        assertThat(past.statusCode()).as(past.body()).isEqualTo(200);
        assertThat(objects(past.body())).isEmpty();
        HttpResponse<String> tooMany = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/uploads?limit=501", null);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"limit\"");
        // the old page/size of this call are refused, not ignored (an old caller would get page 0 for ever)
        HttpResponse<String> old = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/uploads?page=1&size=2", null);
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(old.body()).contains("\"page\"", "\"size\"", "use offset", "use limit");
    }

    @Test
    void old_firmware_without_fields_sends_its_whole_buffer_with_the_flags_and_zero_slots() throws Exception {
        Device pv = register();
        SmgwLiteBuffer withPv = new SmgwLiteBuffer(8, true, true, false)  // ts, m180, temp, solar
                .taf7(T0 + 1, 2_000_000, 2000, 4_294_967_295L, 0)        // a myStrom error sentinel: ignored
                .taf7(T0 + 901, 2_000_400, 2000, 12, 0);
        HttpResponse<String> a = upload(pv, "PV_included=true", withPv.whole());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(number(a.body(), "received")).isEqualTo(2);
        assertThat(slotValues(pv, IMPORT)).containsExactly(at(T0) + " 2000000 -1 Wh 3 legacy 7", at(T0 + 900) + " 2000400 -1 Wh 3 legacy 7");

        Device m280 = register();
        SmgwLiteBuffer with280 = new SmgwLiteBuffer(8, true, false, true)  // ts, m180, temp, m280
                .taf7(T0 + 2, 3_000_000, 1900, 0, 55)
                .taf7(T0 + 902, 3_000_100, 1900, 0, 60);
        HttpResponse<String> c = upload(m280, "280_included=true", with280.whole());
        assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
        assertThat(slotValues(m280, EXPORT)).containsExactly(at(T0) + " 55 -1 Wh 3 legacy 7", at(T0 + 900) + " 60 -1 Wh 3 legacy 7");

        Device plain = register();
        SmgwLiteBuffer minimal = new SmgwLiteBuffer(16, false, false, false).taf7(T0 - 2, 4_000_000, 0, 0, 0);
        HttpResponse<String> e = upload(plain, "fields=ts,m180,unknownfuture", minimal.whole()); // unknown token skipped
        assertThat(e.statusCode()).as(e.body()).isEqualTo(200);
        assertThat(number(e.body(), "received")).isEqualTo(1);
        assertThat(slotValues(plain, IMPORT)).containsExactly(at(T0) + " 4000000 -1 Wh 3 legacy 7");
    }

    @Test
    void bad_requests_are_refused_with_reasons_and_store_nothing_a_mixed_buffer_keeps_its_good_entries() throws Exception {
        Device d = register();
        SmgwLiteBuffer b = new SmgwLiteBuffer(8, false, false, false).taf7(T0, 5_000_000, 0, 0, 0);

        assertThat(upload(new Device(d.id(), d.token() + "x", d.household()), "fields=ts,m180", b.sentRanges()).statusCode())
                .isEqualTo(403);
        assertThat(upload(new Device(d.id(), null, d.household()), "fields=ts,m180", b.sentRanges()).statusCode()).isEqualTo(403);
        HttpResponse<String> noField = upload(d, "fields=foo,bar", b.sentRanges());
        assertThat(noField.statusCode()).isEqualTo(400);
        assertThat(noField.body()).contains("fields");
        HttpResponse<String> odd = upload(d, "fields=ts,m180", new byte[17]);
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("17").contains("8");
        assertThat(oversizeStatusBeforeTheBody(d)).isEqualTo(413);
        assertThat(slotValues(d, IMPORT)).isEmpty();
        assertThat(sql("SELECT count(*) FROM reading_batch WHERE household_id = CAST(? AS bigint)", String.valueOf(d.household())))
                .containsExactly("0");

        long future = Instant.now().plus(Duration.ofDays(2)).getEpochSecond() / 900 * 900;
        SmgwLiteBuffer mixed = new SmgwLiteBuffer(8, false, false, false)
                .taf7(T0, 5_000_000, 0, 0, 0)
                .taf7(1_000_800, 5_000_100, 0, 0, 0)      // 1970: the clock was not set
                .taf7(future, 5_000_200, 0, 0, 0)
                .taf7(T0 + 1800, 4_999_000, 0, 0, 0)      // below the value before it
                .taf7(T0 + 2700, 5_000_300, 0, 0, 0);
        HttpResponse<String> m = upload(d, "fields=ts,m180", mixed.sentRanges());
        assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
        assertThat(number(m.body(), "received")).isEqualTo(5);
        assertThat(number(m.body(), "inserted")).isEqualTo(2);
        assertThat(number(m.body(), "rejected")).isEqualTo(3);
        assertThat(slotValues(d, IMPORT)).containsExactly(at(T0) + " 5000000 -1 Wh 3 legacy 7", at(T0 + 2700) + " 5000300 -1 Wh 3 legacy 7");
        assertThat(sql("SELECT line || ' ' || reason FROM reading_reject WHERE household_id = CAST(? AS bigint) ORDER BY line",
                String.valueOf(d.household()))).containsExactly("2 BEFORE_2020", "3 IN_FUTURE", "4 DECREASING");

        // logged: the mixed 200, the 413 and both 400s with their reasons; the 403s are the limiter's, not logged
        HttpResponse<String> log = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/uploads", null);
        assertThat(log.headers().firstValue("X-Total-Count")).as(log.body()).hasValue("4");
        List<String> rows = objects(log.body());
        assertThat(rows.get(0)).contains("\"status\":200", "\"received\":5", "\"inserted\":2", "\"rejected\":3",
                "line 2 BEFORE_2020, line 3 IN_FUTURE, line 4 DECREASING");
        assertThat(rows.get(1)).contains("\"status\":413", "\"bytes\":40000", "40000 bytes");
        assertThat(rows.get(2)).contains("\"status\":400", "\"bytes\":17", "17 bytes");
        assertThat(rows.get(3)).contains("\"status\":400", "names no known field");
    }

    @Test
    void repeated_wrong_tokens_are_limited_with_429_and_retry_after() throws Exception {
        Device unknown = new Device(randomId(), "guess", 0);
        byte[] empty = new byte[0];
        for (int i = 0; i < 10; i++) {
            assertThat(upload(unknown, "fields=ts,m180", empty).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> limited = upload(unknown, "fields=ts,m180", empty);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void an_empty_upload_is_an_alive_signal_and_the_connection_test_names_the_device() throws Exception {
        Device d = register();
        HttpResponse<String> empty = upload(d, "fields=ts,m180", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).startsWith("{\"bytes\":0,\"crc32\":\"00000000\",");
        assertThat(sql("SELECT last_upload_at IS NOT NULL FROM legacy_gateway WHERE device_id = ? AND tenant_id = ?", d.id(), TENANT))
                .containsExactly("t");
        assertThat(sql("SELECT count(*) FROM reading_batch WHERE household_id = CAST(? AS bigint)", String.valueOf(d.household())))
                .containsExactly("0");

        HttpResponse<String> test = HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "?backend_test=true&ID=" + d.id()))
                .header("X-Auth-Token", d.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).isEqualTo("{\"ok\":true,\"id\":\"" + d.id() + "\"}");
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "?backend_test=true&ID=" + d.id()))
                .header("X-Auth-Token", "wrong").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);

        // a new token: the old one stops working
        HttpResponse<String> rotated = ItPlatform.operator("POST", "/legacy-gateways/" + d.id() + "/token", "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(rotated.body());
        assertThat(token.find()).isTrue();
        assertThat(upload(d, "fields=ts,m180", new byte[0]).statusCode()).isEqualTo(403);
        assertThat(upload(new Device(d.id(), token.group(1), d.household()), "fields=ts,m180", new byte[0]).statusCode()).isEqualTo(200);
    }

    @Test
    void the_event_log_is_stored_once_with_the_meter_model() throws Exception {
        Device d = register();
        byte[] log = new byte[36];
        entry(log, 0, T0, 1_000, 1001);
        entry(log, 1, T0 + 5, 6_000, 1028);
        entry(log, 2, 0, 0, -1); // unused slot
        String query = "ID=" + d.id() + "&IP=42&fw=1.4.2&cfg=7&model=ISKRA%20MT681";

        HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "log.php?" + query))
                .header("X-Auth-Token", d.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(log)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertAck(first.body(), log);
        assertThat(number(first.body(), "inserted")).isEqualTo(2);
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(DOOR + "log.php?" + query))
                .header("X-Auth-Token", d.token()).POST(HttpRequest.BodyPublishers.ofByteArray(log)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(number(again.body(), "inserted")).isZero();
        assertThat(sql("SELECT code FROM legacy_event e JOIN legacy_gateway l ON l.gateway_ref = e.gateway_ref"
                + " WHERE l.device_id = ? AND l.tenant_id = ? ORDER BY device_time", d.id(), TENANT)).containsExactly("1001", "1028");
        assertThat(sql("SELECT meter_model || ' ' || config_version FROM legacy_gateway WHERE device_id = ? AND tenant_id = ?",
                d.id(), TENANT)).containsExactly("ISKRA MT681 7");
        HttpResponse<String> events = ItPlatform.operator("GET", "/legacy-gateways/" + d.id() + "/events", null);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(events.body()).contains("\"meaning\":\"first NTP time sync\"").contains("\"code\":1001");
    }

    @Test
    void an_import_keeps_its_good_lines_names_each_bad_one_and_the_devices_upload_with_their_old_tokens() throws Exception {
        String id = randomId();
        String late = randomId();
        String oldToken = "old-php-token-" + id;
        String lateToken = "old-php-token-" + late;
        long household = ItPlatform.newHousehold(TENANT, "SMGW.Lite import IT");
        long lateHousehold = ItPlatform.newHousehold(TENANT, "SMGW.Lite import IT late");
        Device taken = register(); // its id is registered, its household has a gateway
        String onTaken = randomId();
        String unknown = randomId();
        String clear = randomId();
        String csv = "id;device_id;token\\n"
                + "1;" + id + ";" + sha256(oldToken) + "\\n"                  // 2 imported
                + "2;TOOLONG;" + sha256("x") + "\\n"                          // 3 not a device id
                + "3;" + onTaken + ";" + sha256("y") + "\\n"                  // 4 the household has a gateway
                + "4;" + taken.id() + ";" + sha256("z") + "\\n"               // 5 registered already
                + "5;" + id + ";" + sha256("again") + "\\n"                   // 6 twice in the file
                + "6;" + unknown + ";" + sha256("u") + "\\n"                  // 7 no such household in this tenant
                + "7;" + clear + ";a-token-in-clear\\n"                       // 8 not a SHA-256
                + "8;" + late + ";" + sha256(lateToken) + "\\n";              // 9 imported after all of them
        HttpResponse<String> imported = ItPlatform.operator("POST", "/legacy-gateways/import", "{\"csv\":\"" + csv
                + "\",\"households\":{\"" + id + "\":" + household + ",\"" + onTaken + "\":" + taken.household() + ",\""
                + taken.id() + "\":" + lateHousehold + ",\"" + unknown + "\":9000000000000,\"" + late + "\":" + lateHousehold + "}}");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":2", "\"refused\":6");
        assertThat(line(imported.body(), 2)).contains("\"deviceId\":\"" + id + "\"", "\"result\":\"IMPORTED\"");
        assertThat(line(imported.body(), 3)).contains("\"result\":\"REFUSED\"", "\"reason\":\"DEVICE_ID_FORMAT\"");
        assertThat(line(imported.body(), 4)).contains("\"reason\":\"HOUSEHOLD_HAS_GATEWAY\"", "has the gateway smgwlite-" + taken.id());
        assertThat(line(imported.body(), 5)).contains("\"deviceId\":\"" + taken.id() + "\"", "\"reason\":\"DEVICE_REGISTERED\"");
        assertThat(line(imported.body(), 6)).contains("\"reason\":\"DUPLICATE_IN_FILE\"", "already on line 2");
        assertThat(line(imported.body(), 7)).contains("\"reason\":\"HOUSEHOLD_UNKNOWN\"");
        assertThat(line(imported.body(), 8)).contains("\"deviceId\":\"" + clear + "\"", "\"reason\":\"BAD_HASH\"");
        assertThat(line(imported.body(), 9)).contains("\"deviceId\":\"" + late + "\"", "\"result\":\"IMPORTED\"");
        assertThat(sql("SELECT count(*) FROM legacy_gateway WHERE tenant_id = ? AND device_id IN (?, ?, ?)", TENANT, onTaken,
                unknown, clear)).as("nothing of a refused line is stored").containsExactly("0");

        for (Device d : List.of(new Device(id, oldToken, household), new Device(late, lateToken, lateHousehold))) {
            HttpResponse<String> up = upload(d, "fields=ts,m180", new SmgwLiteBuffer(8, false, false, false)
                    .taf7(T0, 6_000_000, 0, 0, 0).sentRanges());
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(slotValues(d, IMPORT)).containsExactly(at(T0) + " 6000000 -1 Wh 3 legacy 7");
        }
        HttpResponse<String> listed = ItPlatform.operator("GET", "/legacy-gateways?search=" + id, null);
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("1");
        assertThat(listed.body()).contains("\"tokenSource\":\"IMPORTED\"");
    }

    /** The JSON objects of a flat array (or of the array member of an object), each as its text. */
    private static List<String> objects(String json) {
        return Pattern.compile("\\{[^{}]*\\}").matcher(json).results().map(MatchResult::group).toList();
    }

    /** The import answer's object for file line {@code n}. */
    private static String line(String json, int n) {
        List<String> found = objects(json).stream().filter(o -> Pattern.compile("\"line\":" + n + "[,}]").matcher(o).find()).toList();
        assertThat(found).as("line " + n + " in " + json).hasSize(1);
        return found.get(0);
    }

    // --- the firmware's moves ---

    static Device register() throws Exception {
        long household = ItPlatform.newHousehold(TENANT, "SMGW.Lite IT");
        String id = randomId();
        HttpResponse<String> r = ItPlatform.operator("POST", "/legacy-gateways",
                "{\"deviceId\":\"" + id + "\",\"householdId\":" + household + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"endpointPath\":\"/api/legacy/smgwlite/" + TENANT + "/\"");
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        assertThat(token.find()).as(r.body()).isTrue();
        return new Device(id, token.group(1), household);
    }

    static HttpResponse<String> upload(Device d, String query, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DOOR + "?ID=" + d.id() + "&" + query))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (d.token() != null) {
            request.header("X-Auth-Token", d.token());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Declares 40,000 bytes, sends 100 and reads the answer: the platform must answer without waiting for the rest. */
    private static int oversizeStatusBeforeTheBody(Device d) throws Exception {
        URI door = URI.create(DOOR);
        try (Socket s = new Socket(door.getHost(), door.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + door.getPath() + "?ID=" + d.id() + "&fields=ts,m180 HTTP/1.1\r\nHost: " + door.getHost()
                    + "\r\nX-Auth-Token: " + d.token() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 40000\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100]);
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static void assertAck(String json, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        assertThat(json).contains("\"bytes\":" + body.length + ",").contains("\"crc32\":\"" + String.format("%08x", crc.getValue()) + "\"");
    }

    private static int number(String json, String member) {
        Matcher m = Pattern.compile("\"" + member + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(member + " in " + json).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> slotValues(Device d, String obis) throws Exception {
        return sql("SELECT CAST(extract(epoch FROM slot_start) AS bigint) || ' ' || value_unscaled || ' ' || scaler || ' ' || unit"
                        + " || ' ' || ptb_level || ' ' || origin || ' ' || taf FROM meter_reading WHERE household_id = CAST(? AS bigint)"
                        + " AND obis = ? ORDER BY slot_start", String.valueOf(d.household()), obis);
    }

    private static List<String> hires(Device d, String obis) throws Exception {
        return sql("SELECT CAST(extract(epoch FROM read_at) AS bigint) || ' ' || value_unscaled FROM meter_reading_hires"
                + " WHERE household_id = CAST(? AS bigint) AND obis = ? ORDER BY read_at", String.valueOf(d.household()), obis);
    }

    /**
     * The register's fine line of T0's day from {@code GET .../high-resolution}, one {@code "from to wh w"} per step
     * (seconds after T0, exact Wh, W to the mW), after checking how many readings it rests on.
     */
    private static List<String> fineSteps(Device d, String obis, int readings) throws Exception {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(T0), ZoneId.of("Europe/Berlin"));
        HttpResponse<String> r = ItPlatform.operator("GET", "/households/" + d.household() + "/high-resolution?date=" + day, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher register = Pattern.compile("\\{[^{]*\"obis\":\"" + Pattern.quote(obis) + "\"[^\\[]*\\[([^\\]]*)\\]").matcher(r.body());
        assertThat(register.find()).as(obis + " in " + r.body()).isTrue();
        assertThat(number(register.group(), "readings")).isEqualTo(readings);
        List<String> steps = new ArrayList<>();
        Matcher step = Pattern.compile("\\{[^{}]*\\}").matcher(register.group(1));
        while (step.find()) {
            String s = step.group();
            steps.add((Instant.parse(member(s, "from")).getEpochSecond() - T0) + " " + (Instant.parse(member(s, "to")).getEpochSecond() - T0)
                    + " " + new BigDecimal(member(s, "wh")).stripTrailingZeros().toPlainString() + " "
                    + new BigDecimal(member(s, "w")).setScale(3).toPlainString());
        }
        return steps;
    }

    /** A member's value in a flat JSON object, without quotes. */
    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static String at(long epoch) {
        return String.valueOf(epoch);
    }

    /** One 12-byte log entry as the firmware packs it: uint32 time, uint32 uptime in ms, int32 status code, little-endian. */
    static void entry(byte[] log, int i, long ts, long uptime, int code) {
        for (int b = 0; b < 4; b++) {
            log[i * 12 + b] = (byte) (ts >>> (8 * b));
            log[i * 12 + 4 + b] = (byte) (uptime >>> (8 * b));
            log[i * 12 + 8 + b] = (byte) (code >>> (8 * b));
        }
    }

    /** A device id of three letters and digits: typed, used in a URL and in a gateway id unchanged. */
    static String randomId() {
        String chars = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "" + chars.charAt(r.nextInt(chars.length())) + chars.charAt(r.nextInt(chars.length())) + chars.charAt(r.nextInt(chars.length()));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
