package org.smgwlite.agent.taf;

/** Which tariff application function produced a value; the code is persisted in the store. */
public enum TafKind {
    /** Register reading at a slot boundary, billable, uploaded to the platform. */
    TAF7(7),
    /** On-demand register reading with a reason, kept and uploaded like TAF 7 but marked. */
    TAF6(6),
    /** High-frequency sample for local display (MQTT, status page); never billed. */
    TAF14(14);

    private final int code;

    TafKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TafKind ofCode(int code) {
        for (TafKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown TAF code " + code);
    }
}
