package org.smgwlite.platform.it;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The SMGW.Lite firmware's packed meter-value buffer, byte for byte (a copy of core's test double {@code FirmwareBuffer},
 * which is not on this module's class path): slots of {@code ts, m180} plus the enabled columns in the order temp,
 * solar, m280, each 4 bytes little-endian; TAF 7 stores fill from slot 0 upwards, TAF 14 stores from the last slot
 * downwards; a cleared slot is zeroed.
 */
final class SmgwLiteBuffer {

    private final boolean temp;
    private final boolean solar;
    private final boolean m280;
    private final byte[] buffer;
    private final int slots;
    private int front;
    private int back;

    SmgwLiteBuffer(int slots, boolean temp, boolean solar, boolean m280) {
        this.slots = slots;
        this.temp = temp;
        this.solar = solar;
        this.m280 = m280;
        this.buffer = new byte[slots * entrySize()];
        this.back = slots - 1;
    }

    int entrySize() {
        return 8 + (temp ? 4 : 0) + (solar ? 4 : 0) + (m280 ? 4 : 0);
    }

    /** The firmware's {@code fields} parameter value. */
    String fields() {
        return "ts,m180" + (temp ? ",temp" : "") + (solar ? ",solar" : "") + (m280 ? ",m280" : "");
    }

    SmgwLiteBuffer taf7(long ts, long m180, int tempCentiC, long solarRaw, long m280TenthWh) {
        write(front++, ts, m180, tempCentiC, solarRaw, m280TenthWh);
        return this;
    }

    SmgwLiteBuffer taf14(long ts, long m180, int tempCentiC, long solarRaw, long m280TenthWh) {
        write(back--, ts, m180, tempCentiC, solarRaw, m280TenthWh);
        return this;
    }

    /** Zeroes slot {@code i}, as the firmware does when a TAF 7 store replaces the TAF 14 entry just before it. */
    SmgwLiteBuffer clear(int i) {
        Arrays.fill(buffer, i * entrySize(), (i + 1) * entrySize(), (byte) 0);
        return this;
    }

    /** Older firmware: the whole buffer, unused slots included. */
    byte[] whole() {
        return buffer.clone();
    }

    /** Current firmware: the TAF 7 range from the front, then the TAF 14 range from the back. */
    byte[] sentRanges() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(buffer, 0, front * entrySize());
        out.write(buffer, (back + 1) * entrySize(), (slots - 1 - back) * entrySize());
        return out.toByteArray();
    }

    private void write(int slot, long ts, long m180, int tempCentiC, long solarRaw, long m280TenthWh) {
        int at = slot * entrySize();
        at = le(at, ts);
        at = le(at, m180);
        if (temp) {
            at = le(at, tempCentiC);
        }
        if (solar) {
            at = le(at, solarRaw);
        }
        if (m280) {
            le(at, m280TenthWh);
        }
    }

    private int le(int at, long value) {
        for (int b = 0; b < 4; b++) {
            buffer[at + b] = (byte) (value >>> (8 * b));
        }
        return at + 4;
    }
}
