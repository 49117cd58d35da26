package org.smgwlite.platform.metering.mscons;

/** How a quarter hour's quantity came about, as MSCONS QTY qualifier (DE 6063). */
public enum Qualifier {
    /** 220, wahrer Wert: energy between two true readings. */
    TRUE_VALUE("220"),
    /** 67, Ersatzwert: energy resting on at least one substitute reading. */
    SUBSTITUTE("67");

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for any code but 220 and 67 */
    public static Qualifier ofCode(String code) {
        for (Qualifier q : values()) {
            if (q.code.equals(code)) {
                return q;
            }
        }
        throw new IllegalArgumentException("not a QTY qualifier of this profile: " + code);
    }
}
