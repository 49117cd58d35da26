/**
 * The SMGW.Lite ESP32 firmware's HTTP upload protocol (github.com/fourwheel/SMGW.Lite, MIT), read as facts and
 * decoded here without a container or database, so the legacy upload endpoints and the import of an existing
 * backend's {@code clients} table feed the platform's one ingestion rule. Full spec with sources:
 * {@code docs/smgwlite-protocol.md}.
 *
 * <p>Meter values: {@code POST <path>?ID=<id>&fields=ts,m180[,temp][,solar][,m280]&...} with header
 * {@code X-Auth-Token}, body = packed ring buffer of fixed-size entries, each column a little-endian 32-bit integer
 * ({@link org.smgwlite.platform.legacy.FirmwareFields}, {@link org.smgwlite.platform.legacy.RingBufferDecoder}); old
 * firmware sends {@code PV_included}/{@code 280_included} instead of {@code fields} and always a {@code temp} column.
 * Unused slots are zero; TAF 7 entries (first telegram 1-15 s after each mark, stamped with the telegram's own time)
 * and TAF 14 entries (every N s) are interleaved. {@link org.smgwlite.platform.legacy.SlotAssignment} decides which
 * entry is a quarter hour's value (within 9 s, 1 % of the period) and which a high-resolution reading.
 *
 * <p>Event log: {@code POST <path>log.php?ID=..&IP=..&fw=..&cfg=..[&model=..]}, 12-byte entries
 * ({@link org.smgwlite.platform.legacy.FirmwareLog}, codes named by
 * {@link org.smgwlite.platform.legacy.FirmwareStatusCode}). Tokens are stored as SHA-256 hex
 * ({@link org.smgwlite.platform.legacy.LegacyToken}), device ids are at most 3 characters
 * ({@link org.smgwlite.platform.legacy.LegacyDeviceId}); {@link org.smgwlite.platform.legacy.ClientsCsv} reads the PHP
 * backend's table export. Bodies above 36,864 bytes are refused (413).
 *
 * <p>Answers current firmware (1.4.x) requires: HTTP 200 with a JSON body carrying {@code "bytes"} (body length) and
 * {@code "crc32"} (8 lower-case hex digits, CRC-32/IEEE of the body) for both uploads, else it keeps its data and logs
 * 4004/4005 ({@link org.smgwlite.platform.legacy.UploadAck}); {@code ?backend_test=true} (a GET) wants
 * {@code {"ok":true,"id":"<ID>"}}. Older firmware only looks for 200. The query's device items (firmware, model, IP
 * octet ...) are {@link org.smgwlite.platform.legacy.FirmwareReport}.
 *
 * <p>The services: {@link org.smgwlite.platform.legacy.LegacyIngestion} (authenticate with a failure limit,
 * decode, {@link org.smgwlite.platform.legacy.UploadValues}, then the metering package's {@code ReadingIntake}, the
 * rule signed batches go through too) and {@link org.smgwlite.platform.legacy.LegacyGatewayService} (register,
 * import, list).
 */
package org.smgwlite.platform.legacy;
