package org.smgwlite.platform.metering;

import java.time.Instant;
import java.util.List;

/**
 * The platform's answer to a batch. {@code accepted} counts values stored by this batch or, for a repeated
 * upload, by its first delivery; {@code duplicates} values that were already stored with the same content
 * (a repeated upload changes nothing); {@code rejects} one entry per refused value with its reason.
 */
public record IngestionReport(long batchId, boolean repeated, int accepted, int duplicates, int rejected, int gaps,
                              List<Reject> rejects) {

    /** A refused value: its line in the batch body, which value, and why. */
    public record Reject(int line, String obis, Instant slotStart, RejectReason reason, String detail) {
    }
}
