package org.smgwlite.platform.legacy;

import java.time.Instant;

/**
 * One entry of an SMGW.Lite gateway's event log as stored: the device's time (counts from 1970 before its first time
 * sync), its uptime in ms, the status code and its meaning ({@link FirmwareStatusCode}, named on read so older rows get
 * newer names), and when the platform received it.
 */
public record LegacyEvent(Instant deviceTime, long uptimeMs, int code, String meaning, Instant receivedAt) {
}
