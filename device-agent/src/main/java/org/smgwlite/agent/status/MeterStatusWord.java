package org.smgwlite.agent.status;

/**
 * Reads the SML status word of a register entry as FNN "Basiszähler"/EDL meters send it (32 bits, bit 8 always set as
 * the FNN marker). Only bits with a known meaning raise the level; any other bit set raises it to INFO so the
 * platform sees that the meter said something we do not interpret.
 *
 * <p>Bit meanings used (FNN Lastenheft Basiszähler, as reported by meter data sheets): bit 5 energy direction
 * (export), bit 8 FNN marker, bit 9 backstop active, bit 12 magnetic manipulation detected, bit 13 measuring
 * element fault (fatal). Confirm against the data sheet of each new meter family.
 */
public final class MeterStatusWord {

    static final long EXPORT_DIRECTION = 1L << 5;
    static final long FNN_MARKER = 1L << 8;
    static final long BACKSTOP = 1L << 9;
    static final long MAGNETIC_MANIPULATION = 1L << 12;
    static final long MEASURING_FAULT = 1L << 13;

    private MeterStatusWord() {
    }

    /** PTB level of a status word; {@code null} (the meter sends none) is OK. */
    public static PtbLevel level(Long statusWord) {
        if (statusWord == null) {
            return PtbLevel.OK;
        }
        long s = statusWord;
        if ((s & (MAGNETIC_MANIPULATION | MEASURING_FAULT)) != 0) {
            return PtbLevel.FATAL;
        }
        long other = s & ~(FNN_MARKER | EXPORT_DIRECTION | BACKSTOP);
        if (other != 0 || (s & (EXPORT_DIRECTION | BACKSTOP)) != 0) {
            return PtbLevel.INFO;
        }
        return PtbLevel.OK;
    }
}
