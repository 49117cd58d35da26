package org.smgwlite.platform.metering.query;

/** The two energy registers a household's curve shows, by OBIS code (A-B:C.D.E*F). */
public enum Register {
    /** Bezug: energy drawn from the grid. */
    IMPORT("1-0:1.8.0*255"),
    /** Einspeisung: energy fed into the grid. */
    EXPORT("1-0:2.8.0*255");

    private final String obis;

    Register(String obis) {
        this.obis = obis;
    }

    public String obis() {
        return obis;
    }

    public static Register ofObis(String obis) {
        for (Register r : values()) {
            if (r.obis.equals(obis)) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a curve register: " + obis);
    }
}
