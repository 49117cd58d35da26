package org.smgwlite.platform.legacy;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One filled slot of an SMGW.Lite ring buffer, as the firmware wrote it. Registers stay in the firmware's unit,
 * 0.1 Wh, as exact longs (a uint32 fits); conversion to the platform's values is {@link SlotAssignment}'s.
 *
 * @param index          the slot's position in the uploaded body (0 = first), for error messages
 * @param timestamp      the telegram's time (the firmware's clock, UTC seconds)
 * @param m180TenthWh    1.8.0 import register in 0.1 Wh
 * @param tempCentiC     temperature in 0.01 °C, if the entry holds it
 * @param solarRaw       the plug-in PV counter, if the entry holds it and it is not an error sentinel
 * @param m280TenthWh    2.8.0 export register in 0.1 Wh, if the entry holds it (the firmware writes 0 when the meter
 *                       sends no 2.8.0)
 */
public record FirmwareEntry(int index, Instant timestamp, long m180TenthWh, OptionalInt tempCentiC,
                            OptionalLong solarRaw, OptionalLong m280TenthWh) {

    public FirmwareEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(tempCentiC, "tempCentiC");
        Objects.requireNonNull(solarRaw, "solarRaw");
        Objects.requireNonNull(m280TenthWh, "m280TenthWh");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        if (m180TenthWh < 0) {
            throw new IllegalArgumentException("m180 must not be negative: " + m180TenthWh);
        }
    }
}
