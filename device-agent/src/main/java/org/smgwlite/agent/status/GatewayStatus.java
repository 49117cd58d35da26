package org.smgwlite.agent.status;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's own status bits on a value, as an {@code int} bit set (stable bit positions: they are persisted in
 * the store and sent to the platform).
 */
public enum GatewayStatus {
    /** Bit 0: the gateway clock was not known to be synchronised (NTP) when the value was taken. Level 3. */
    TIME_NOT_SYNCHRONISED(PtbLevel.ERROR),
    /** Bit 1: the meter sent nothing for longer than the silence limit around this value. Level 3. */
    METER_SILENT(PtbLevel.ERROR),
    /** Bit 2: frames were rejected (CRC or structure) in this slot; the value itself decoded. Level 2. */
    CRC_ERRORS(PtbLevel.WARNING),
    /** Bit 3: no telegram within the tolerance of the slot boundary; the value, if any, is from outside it. Level 3. */
    OUT_OF_TOLERANCE(PtbLevel.ERROR),
    /** Bit 4: no value at all for this slot (gap). Level 3: Ersatzwert. */
    NO_VALUE(PtbLevel.ERROR),
    /** Bit 5: the gateway clock jumped (forward or backward) in this slot. Level 3. */
    CLOCK_JUMP(PtbLevel.ERROR);

    private final PtbLevel level;

    GatewayStatus(PtbLevel level) {
        this.level = level;
    }

    public PtbLevel level() {
        return level;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean isSetIn(int bits) {
        return (bits & bit()) != 0;
    }

    /** Names of the bits set, for logs and the status page. */
    public static List<String> names(int bits) {
        List<String> names = new ArrayList<>();
        for (GatewayStatus s : values()) {
            if (s.isSetIn(bits)) {
                names.add(s.name());
            }
        }
        return names;
    }
}
