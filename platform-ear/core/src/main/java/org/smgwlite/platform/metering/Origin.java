package org.smgwlite.platform.metering;

/**
 * Which door a value came through, stored with it ({@code meter_reading.origin}, {@code reading_batch.origin}):
 * {@link #SIGNED} from a Wirk-PKI gateway's signed batch, {@link #LEGACY} from an SMGW.Lite gateway's unsigned ring
 * buffer. CSV, reports and MSCONS read it so an unsigned value never passes as a signed one.
 */
public enum Origin {
    SIGNED,
    LEGACY;

    /** The legacy door's PTB level: 3, "not billable without review" (TAF 2 counts it in the error register). */
    public static final int LEGACY_PTB_LEVEL = 3;

    /** Times not after this are refused ({@link RejectReason#BEFORE_2020}): the firmware's own bound, an unset clock. */
    public static final java.time.Instant EPOCH_MIN = java.time.Instant.parse("2020-01-01T00:00:00Z");

    /** As stored in the database. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
