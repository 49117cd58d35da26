package org.smgwlite.agent.status;

/**
 * Severity of a value's status on the PTB scale the platform uses to decide billing. Ordered: a value's level is
 * the highest level any of its status bits maps to.
 */
public enum PtbLevel {
    /** Level 0: measured as intended, billable as is. */
    OK,
    /** Level 1: billable; something worth showing (e.g. meter reports export direction). */
    INFO,
    /** Level 2: billable, but the platform should look (e.g. CRC errors on the line in this slot). */
    WARNING,
    /** Level 3: not billable without review; an Ersatzwert (substitute value) is the normal outcome. */
    ERROR,
    /** Level 4: the value must not be used (meter reports tampering or a fatal fault). */
    FATAL;

    public int level() {
        return ordinal();
    }

    public static PtbLevel ofLevel(int level) {
        if (level < 0 || level > 4) {
            throw new IllegalArgumentException("PTB level must be 0..4, was " + level);
        }
        return values()[level];
    }

    public PtbLevel max(PtbLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
