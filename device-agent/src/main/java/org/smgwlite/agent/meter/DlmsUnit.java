package org.smgwlite.agent.meter;

/**
 * A DLMS/COSEM unit code (IEC 62056-62, table "enum unit"), with its symbol where we know one.
 * The code is what the meter sent and is kept even when no symbol is known.
 */
public record DlmsUnit(int code) {

    private static final String[] SYMBOLS = new String[256];

    static {
        String[][] known = {
            {"1", "a"}, {"2", "mo"}, {"3", "wk"}, {"4", "d"}, {"5", "h"}, {"6", "min."}, {"7", "s"},
            {"8", "°"}, {"9", "°C"}, {"10", "currency"}, {"11", "m"}, {"12", "m/s"}, {"13", "m³"},
            {"14", "m³"}, {"15", "m³/h"}, {"16", "m³/h"}, {"17", "m³/d"}, {"18", "m³/d"}, {"19", "l"},
            {"20", "kg"}, {"21", "N"}, {"22", "Nm"}, {"23", "Pa"}, {"24", "bar"}, {"25", "J"},
            {"26", "J/h"}, {"27", "W"}, {"28", "VA"}, {"29", "var"}, {"30", "Wh"}, {"31", "VAh"},
            {"32", "varh"}, {"33", "A"}, {"34", "C"}, {"35", "V"}, {"36", "V/m"}, {"37", "F"},
            {"38", "Ω"}, {"39", "Ωm²/m"}, {"40", "Wb"}, {"41", "T"}, {"42", "A/m"}, {"43", "H"},
            {"44", "Hz"}, {"45", "1/(Wh)"}, {"46", "1/(varh)"}, {"47", "1/(VAh)"}, {"48", "V²h"},
            {"49", "A²h"}, {"50", "kg/s"}, {"51", "S"}, {"52", "K"}, {"53", "1/(V²h)"}, {"54", "1/(A²h)"},
            {"55", "1/m³"}, {"56", "%"}, {"57", "Ah"}, {"60", "Wh/m³"}, {"61", "J/m³"}, {"62", "Mol %"},
            {"63", "g/m³"}, {"64", "Pa s"}, {"65", "J/kg"}, {"70", "dBm"}, {"71", "dBµV"}, {"72", "dB"},
        };
        for (String[] k : known) {
            SYMBOLS[Integer.parseInt(k[0])] = k[1];
        }
    }

    private static final DlmsUnit[] CACHE = new DlmsUnit[256];

    static {
        for (int i = 0; i < 256; i++) {
            CACHE[i] = new DlmsUnit(i);
        }
    }

    public static final DlmsUnit WATT_HOUR = of(30);
    public static final DlmsUnit WATT = of(27);

    public DlmsUnit {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("DLMS unit code out of range 0..255: " + code);
        }
    }

    /** Shared instance per code: mapping a reading allocates no unit object. */
    public static DlmsUnit of(int code) {
        return CACHE[code & 0xFF];
    }

    /** Symbol as printed in CSV output; empty for codes without one (253 "reserved", 254 "other", 255 "count"). */
    public String symbol() {
        String s = SYMBOLS[code];
        return s == null ? "" : s;
    }

    /** Looks a D0 unit text up ("kWh" is not a DLMS symbol and is returned as {@code null}). */
    public static DlmsUnit fromSymbol(String symbol) {
        for (int i = 0; i < 256; i++) {
            if (symbol.equals(SYMBOLS[i])) {
                return CACHE[i];
            }
        }
        return null;
    }
}
