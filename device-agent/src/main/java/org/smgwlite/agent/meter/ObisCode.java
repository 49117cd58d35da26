package org.smgwlite.agent.meter;

/**
 * An OBIS code (IEC 62056-61) {@code A-B:C.D.E*F}, each group 0..255.
 * Immutable value type; the text form is the one used throughout the platform.
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) {

    public static final ObisCode PUBLIC_KEY = new ObisCode(129, 129, 199, 130, 5, 255);
    public static final ObisCode MANUFACTURER = new ObisCode(129, 129, 199, 130, 3, 255);
    public static final ObisCode MANUFACTURER_EDL = new ObisCode(1, 0, 96, 50, 1, 1);

    public ObisCode {
        check(a, "A");
        check(b, "B");
        check(c, "C");
        check(d, "D");
        check(e, "E");
        check(f, "F");
    }

    private static void check(int group, String name) {
        if (group < 0 || group > 255) {
            throw new IllegalArgumentException("OBIS group " + name + " out of range 0..255: " + group);
        }
    }

    /** From the 6-octet SML objName; {@code null} if it is not 6 octets (some meters use names). */
    public static ObisCode fromBytes(byte[] objName) {
        if (objName == null || objName.length != 6) {
            return null;
        }
        return new ObisCode(objName[0] & 0xFF, objName[1] & 0xFF, objName[2] & 0xFF, objName[3] & 0xFF,
                objName[4] & 0xFF, objName[5] & 0xFF);
    }

    /**
     * Parses {@code A-B:C.D.E*F}; the D0 short forms {@code C.D.E} (A=1, B=0, F=255) and
     * {@code A-B:C.D.E} (F=255) are accepted too, as meters print them.
     *
     * @throws IllegalArgumentException if the text is not an OBIS code
     */
    public static ObisCode parse(String text) {
        String s = text.trim();
        int a = 1;
        int b = 0;
        int f = 255;
        int dash = s.indexOf('-');
        int colon = s.indexOf(':');
        if (colon >= 0) {
            if (dash < 0 || dash > colon) {
                throw new IllegalArgumentException("not an OBIS code: " + text);
            }
            a = group(s.substring(0, dash), text);
            b = group(s.substring(dash + 1, colon), text);
            s = s.substring(colon + 1);
        }
        int star = s.indexOf('*');
        if (star < 0) {
            star = s.indexOf('&');
        }
        if (star >= 0) {
            f = group(s.substring(star + 1), text);
            s = s.substring(0, star);
        }
        String[] cde = s.split("\\.", -1);
        if (cde.length != 3) {
            throw new IllegalArgumentException("not an OBIS code: " + text);
        }
        return new ObisCode(a, b, group(cde[0], text), group(cde[1], text), group(cde[2], text), f);
    }

    private static int group(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 3) {
            throw new IllegalArgumentException("not an OBIS code: " + text);
        }
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char ch = digits.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("not an OBIS code: " + text);
            }
            v = v * 10 + (ch - '0');
        }
        if (v > 255) {
            throw new IllegalArgumentException("not an OBIS code: " + text);
        }
        return v;
    }

    /** Active power (sum or one phase, import or net): the registers the DZG quirk concerns. */
    public boolean isActivePower() {
        return a == 1 && d == 7 && (c == 1 || c == 2 || c == 15 || c == 16 || c == 21 || c == 36 || c == 41
                || c == 56 || c == 61 || c == 76);
    }

    public byte[] toBytes() {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d, (byte) e, (byte) f};
    }

    @Override
    public String toString() {
        return a + "-" + b + ":" + c + "." + d + "." + e + "*" + f;
    }
}
