package org.smgwlite.platform.legacy;

import java.util.Map;
import java.util.Optional;

/**
 * A status code of the SMGW.Lite event log with its meaning, as the firmware names it (its status-code table, the
 * PHP backend's copy of it, the comments where newer codes are logged, and its backend's FW_UPDATE.md); the table with
 * sources is in {@code docs/smgwlite-protocol.md}. Codes the table does not know are kept and
 * shown as {@code code N}, so a newer firmware's events are never lost.
 *
 * <p>Computed codes: below 1000 (firmware up to 1.4.1) and from {@value #VALUE_COUNT_BASE} (later) the number of
 * values about to be uploaded; {@code 1100 + n} the ESP32's reset reason {@code n} at start-up.
 */
public record FirmwareStatusCode(int code, String meaning) {

    /** Later firmware logs the number of values to upload as this base + n. */
    public static final int VALUE_COUNT_BASE = 100_000;
    static final int RESET_REASON_BASE = 1100;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1001, "setup() - device started"),
            Map.entry(1002, "memory allocation failed"),
            Map.entry(1003, "config saved"),
            Map.entry(1004, "buffer layout changed, buffer re-initialised"),
            Map.entry(1005, "backend call (meter values)"),
            Map.entry(1006, "TAF 6 meter reading trigger"),
            Map.entry(1008, "WiFi returned"),
            Map.entry(1009, "WiFi lost"),
            Map.entry(1010, "TAF 7 meter reading trigger"),
            Map.entry(1011, "TAF 14 meter reading trigger"),
            Map.entry(1012, "call backend trigger"),
            Map.entry(1013, "meter value buffer cleared"),
            Map.entry(1014, "TAF 7-900s meter reading trigger"),
            Map.entry(1015, "not enough heap to store value"),
            Map.entry(1016, "buffer full, cannot store non-override value"),
            Map.entry(1017, "meter value stored"),
            Map.entry(1018, "dynamic TAF trigger"),
            Map.entry(1019, "sending log"),
            Map.entry(1020, "sending log successful"),
            Map.entry(1021, "backend call successful"),
            Map.entry(1022, "TAF 14 trigger not possible, buffer full"),
            Map.entry(1023, "no backend host configured, skipping"),
            Map.entry(1024, "boot snapshot triggered"),
            Map.entry(1025, "TAF 7 reading replaced a TAF 14 entry taken less than 10 s before it"),
            Map.entry(1026, "store deferred: upload in flight"),
            Map.entry(1027, "store refused: telegram time not plausible (before 2020)"),
            Map.entry(1028, "first NTP time sync"),
            Map.entry(1029, "clock set from the backend's HTTP Date header"),
            Map.entry(1120, "restarted by supervisor: main loop hung"),
            Map.entry(1121, "restarted by supervisor: meter upload task hung"),
            Map.entry(1122, "restarted by supervisor: log upload task hung"),
            Map.entry(1200, "meter value <= 0"),
            Map.entry(1201, "current meter value = previous meter value"),
            Map.entry(1203, "suffix must not be 0"),
            Map.entry(1204, "prefix/suffix not correct"),
            Map.entry(1205, "error: buffer size exceeded"),
            Map.entry(1206, "buffer full, cannot store non-override value"),
            Map.entry(1207, "1.8.0 below the previous value: truncated telegram discarded"),
            Map.entry(1208, "register below the previous value in a parsed telegram"),
            Map.entry(3000, "complete telegram received"),
            Map.entry(3001, "telegram buffer overflow"),
            Map.entry(3002, "telegram timeout"),
            Map.entry(3003, "protocol detected: SML"),
            Map.entry(3004, "protocol detected: IEC 62056-21"),
            Map.entry(3005, "no valid telegram for 5 min"),
            Map.entry(3006, "serial message received but parse failed (check baud/parity)"),
            Map.entry(3007, "no serial data for 5 min (optical reader off the meter?)"),
            Map.entry(3010, "serial scan: valid configuration(s) found, activate manually"),
            Map.entry(3011, "serial scan: no valid configuration found"),
            Map.entry(3012, "serial config set manually via web UI"),
            Map.entry(4000, "connection to server failed (certificate?)"),
            Map.entry(4001, "error transmitting buffer chunk"),
            Map.entry(4002, "meter values send failed (no HTTP 200)"),
            Map.entry(4003, "log send failed (no HTTP 200)"),
            Map.entry(4004, "meter values not acknowledged (bytes/crc32 missing or wrong)"),
            Map.entry(4005, "log not acknowledged (bytes/crc32 missing or wrong)"),
            Map.entry(5000, "myStrom: connection failed"),
            Map.entry(5001, "myStrom: failed to send request"),
            Map.entry(5002, "myStrom: JSON answer not readable"),
            Map.entry(6011, "updated firmware not validated within 15 min: previous firmware booted"),
            Map.entry(6014, "remote firmware update offered by the backend: checking"),
            Map.entry(6022, "remote firmware update confirmed by the user: checking"),
            Map.entry(6025, "firmware version rolled back before, not installed automatically again"),
            Map.entry(6027, "post-update backend check failed"),
            Map.entry(6028, "updated firmware restarted before validation: previous firmware booted"),
            Map.entry(7000, "no acknowledged backend call: reconnecting WiFi"),
            Map.entry(7001, "restarting WiFi"),
            Map.entry(7002, "WiFi setup: connection attempt failed"),
            Map.entry(8000, "SPIFFS not mounted"),
            Map.entry(8001, "no custom certificate, using bundled ISRG Root X1"),
            Map.entry(8002, "certificate saved"),
            Map.entry(8003, "error writing certificate file"),
            Map.entry(8004, "no certificate received"));

    /** ESP-IDF {@code esp_reset_reason_t} 0..10 as the firmware names them. */
    private static final String[] RESET_REASONS = {"unknown", "power on", "external reset", "software reset",
            "exception/panic", "interrupt watchdog", "task watchdog", "other watchdogs", "deep sleep", "brownout", "SDIO"};

    /** The code with its meaning; an unknown code as {@code code N}. */
    public static FirmwareStatusCode of(int code) {
        return new FirmwareStatusCode(code, named(code).orElse("code " + code));
    }

    /** Whether the firmware's table names this code (computed codes included). */
    public boolean known() {
        return named(code).isPresent();
    }

    private static Optional<String> named(int code) {
        if (code >= 0 && code < 1000) {
            return Optional.of("values to upload: " + code);
        }
        if (code >= VALUE_COUNT_BASE) {
            return Optional.of("values to upload: " + (code - VALUE_COUNT_BASE));
        }
        if (code >= RESET_REASON_BASE && code < RESET_REASON_BASE + RESET_REASONS.length) {
            return Optional.of("start-up, reset reason: " + RESET_REASONS[code - RESET_REASON_BASE]);
        }
        return Optional.ofNullable(NAMES.get(code));
    }
}
