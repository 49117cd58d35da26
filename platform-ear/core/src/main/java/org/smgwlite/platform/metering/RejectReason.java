package org.smgwlite.platform.metering;

/**
 * Why a single value of a batch is refused (the batch itself is stored). The name travels to the gateway in
 * {@link IngestionReport.Reject} and is stored in {@code reading_reject.reason}.
 */
public enum RejectReason {
    /** The value names a metering point the gateway does not serve. */
    NOT_SERVED,
    /** A register the platform does not store. */
    UNKNOWN_OBIS,
    /** A TAF 7 value whose slot is not a quarter-hour boundary. */
    NOT_ALIGNED,
    /** A slot after the platform's time (beyond the clock tolerance). */
    IN_FUTURE,
    /** An energy register not in Wh. */
    WRONG_UNIT,
    /** The same register and slot twice in one batch. */
    DUPLICATE_IN_BATCH,
    /** Another value is stored already for this register and slot (or TAF 6 request). */
    CONFLICTS_WITH_STORED,
    /** A register value below the one before it. */
    DECREASING,
    /** More energy between two register values than a household connection can draw. */
    IMPLAUSIBLE_POWER,
    /** TAF 6: the named request does not exist. */
    UNKNOWN_REQUEST,
    /** TAF 6: the named request is for another gateway. */
    NOT_YOUR_REQUEST,
    /** TAF 6: the named request takes no answer any more. */
    REQUEST_CLOSED,
    /** A reading not after 2020-01-01T00:00:00Z (an SMGW.Lite gateway's clock before its first time sync). */
    BEFORE_2020
}
