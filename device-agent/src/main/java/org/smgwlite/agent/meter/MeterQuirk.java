package org.smgwlite.agent.meter;

/**
 * Meter firmware bugs that change a value's meaning, not just its encoding. Each is applied only
 * where the meter is identified, and marked on the reading it changed.
 */
public enum MeterQuirk {
    /**
     * DZG DVS74 family (e.g. DVS-7412.2): the power (OBIS C.7 active power) is tagged Integer but
     * encoded like an Unsigned in the fewest bytes, so 356.24 W arrives as {@code 53 8b28}, which
     * read as Integer16 is -299.12 W. Such a meter never compresses negative values (they always
     * come as 4 bytes), so a 1..3-byte Integer with its top bit set is re-read as unsigned.
     * Not applied to other DZG models: the DWSB20.2TH compresses real negative (export) powers
     * into 2 bytes, and re-reading those would turn -310.64 W into +344.72 W.
     */
    DZG_UNSIGNED_POWER
}
