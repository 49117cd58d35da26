package org.smgwlite.platform.legacy;

import java.time.Instant;

/**
 * One answered upload of an SMGW.Lite gateway as the platform logged it ({@code legacy_upload}): when, how many body
 * bytes (for a 413 the declared length), the answer's status (200, 400 or 413) and counts, and the first rejection
 * reasons in short ({@link UploadLogText}). Refusals before the device is known (403, 429) are not logged here.
 */
public record LegacyUpload(Instant receivedAt, long bytes, int status, int received, int inserted, int duplicates,
                           int rejected, int highResolution, String rejections) {
}
