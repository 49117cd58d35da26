package org.smgwlite.agent.meter;

import org.smgwlite.agent.sml.structure.SignedBytes;
import org.smgwlite.agent.sml.structure.SmlTime;

/**
 * One value a meter reported.
 *
 * @param obis      what was measured; {@code null} only for SML entries whose objName is not 6 octets
 * @param objName   the raw object name as sent (equals {@code obis.toBytes()} in the normal case)
 * @param value     the exact value, after meter quirks were applied
 * @param status    SML_Status word, or {@code null}
 * @param valTime   time of the value, or {@code null}
 * @param signature value signature and the bytes it covers, or {@code null}
 * @param quirk     the meter quirk that changed this value, or {@code null} if it is as sent
 */
public record MeterReading(ObisCode obis, byte[] objName, MeterValue value, Long status, SmlTime valTime,
                           SignedBytes signature, MeterQuirk quirk) {

    /** {@code OBIS;value;unit}, the line format of the CLI and of the expected-output files. */
    public String toCsvLine() {
        String unit = value instanceof MeterValue.Number ? ((MeterValue.Number) value).unitSymbol() : "";
        String name = obis != null ? obis.toString() : nameOf(objName);
        return name + ';' + value.toPlainString() + ';' + unit;
    }

    /** A non-OBIS name: as text when it is printable ASCII (D0 ids like F.F), else as hex. */
    private static String nameOf(byte[] name) {
        for (byte b : name) {
            if (b < 0x20 || b > 0x7e) {
                return java.util.HexFormat.of().formatHex(name);
            }
        }
        return new String(name, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
