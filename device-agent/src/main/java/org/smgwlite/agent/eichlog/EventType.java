package org.smgwlite.agent.eichlog;

/** What the agent writes to the Eichlog. */
public enum EventType {
    START, STOP, CONFIG,
    /** Gateway clock became synchronised or lost synchronisation. */
    TIME_SYNC,
    /** Wall clock moved against the monotonic clock by more than the jump threshold. */
    CLOCK_JUMP,
    METER_SILENT, METER_BACK,
    /** Frames rejected (CRC or structure) in a slot, summarised once per slot. */
    CRC_ERRORS,
    TAF6, TAF7_FLAGGED, TAF7_SKIPPED,
    STORE_EVICTION, STORE_REPAIR, STORE_WRITE_FAILED, STORE_WRITE_RECOVERED,
    /** Billing values fill the store: TAF 14 samples are not kept until the platform acknowledges some. */
    STORE_FULL,
    /** The byte source failed (TCP reader gone, serial port unplugged) or came back. */
    SOURCE_ERROR, SOURCE_BACK,
    UPLOAD,
    /** The Eichlog itself: torn tail cut off, or a broken chain found at open. */
    EICHLOG_REPAIR
}
