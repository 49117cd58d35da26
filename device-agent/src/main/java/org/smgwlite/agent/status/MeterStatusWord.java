package org.smgwlite.agent.status;

/**
 * Maps the SML status word a meter sends with a register to a PTB level, through two bit masks: any bit of
 * {@code fatalMask} set gives FATAL (value unusable, e.g. a tamper or measuring-element fault bit), any bit of
 * {@code infoMask} set gives INFO.
 *
 * <p>Why the default maps nothing: the bit assignments of the FNN status word differ between meter generations
 * and we have no verified table yet. The real captures in our corpus, all taken in normal operation, carry
 * words such as {@code 0x182}, {@code 0x1b0}, {@code 0x1c0004}, {@code 0x1c0104}, {@code 0x1c7904},
 * {@code 0x1c8104}: a guessed mask would flag ordinary values. So the word travels verbatim with every value
 * (the platform keeps it) and the masks are set per meter family once its data sheet is confirmed.
 */
public record MeterStatusWord(long infoMask, long fatalMask) {

    /** No bit assignment confirmed yet: the word is kept, the level is OK. */
    public static final MeterStatusWord UNMAPPED = new MeterStatusWord(0, 0);

    /** PTB level of a status word; {@code null} (the meter sends none) is OK. */
    public PtbLevel level(Long statusWord) {
        if (statusWord == null) {
            return PtbLevel.OK;
        }
        if ((statusWord & fatalMask) != 0) {
            return PtbLevel.FATAL;
        }
        if ((statusWord & infoMask) != 0) {
            return PtbLevel.INFO;
        }
        return PtbLevel.OK;
    }
}
