package org.smgwlite.agent.sml.structure;

/**
 * Deviations from SML 1.04 that real meters send and that the decoder accepts on purpose.
 * Each accepted deviation is reported with the file, so nothing is tolerated silently.
 */
public enum SmlQuirk {
    /**
     * Holley DTZ541: valTime is a bare Unsigned32 seconds counter instead of the SML_Time CHOICE list.
     * Read as {@link SmlTime.SecIndex}.
     */
    HOLLEY_BARE_TIME_AS_SEC_INDEX,
    /**
     * A seconds index or timestamp shorter than Unsigned32 (e.g. DZG sends {@code 64 4d1fa8}, three bytes):
     * the leading zero bytes were dropped. The value is the same number.
     */
    SHORTENED_TIME_FIELD,
    /** Holley DTZ541 firmware: the message CRC is CRC-16/KERMIT instead of CRC-16/X-25. */
    KERMIT_MESSAGE_CRC
}
