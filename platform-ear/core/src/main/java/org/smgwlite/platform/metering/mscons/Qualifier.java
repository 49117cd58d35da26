package org.smgwlite.platform.metering.mscons;

/**
 * How a quarter hour's quantity came about, as MSCONS QTY qualifier (DE 6063), with the EDI@Energy meanings (the
 * codes BO4E's {@code Messwertstatus} maps MSCONS SG10 QTY 6063 to: 220 wahrer Wert, 67 Ersatzwert, 201 Vorschlagswert,
 * Z18 vorläufiger Wert, 20 nicht verwendbarer Wert, 187 Prognosewert).
 */
public enum Qualifier {
    /** 220, wahrer Wert: energy between two true readings. */
    TRUE_VALUE("220"),
    /** 67, Ersatzwert: energy resting on at least one substitute reading. */
    SUBSTITUTE("67"),
    /**
     * 201, Vorschlagswert (proposed value, not billing-relevant as it stands): energy between true readings of which at
     * least one came from an SMGW.Lite gateway (unsigned, no certified device, PTB level 3). It is a measured value, so
     * not 67 (made up) nor 20 (nicht verwendbar), and neither 220, which would present it as an Eichrecht-conformant
     * true value; the recipient may adopt it after review. A substitute resting on such readings stays 67.
     */
    PROPOSED("201");

    private final String code;

    Qualifier(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for any code but 220, 67 and 201 */
    public static Qualifier ofCode(String code) {
        for (Qualifier q : values()) {
            if (q.code.equals(code)) {
                return q;
            }
        }
        throw new IllegalArgumentException("not a QTY qualifier of this profile: " + code);
    }
}
