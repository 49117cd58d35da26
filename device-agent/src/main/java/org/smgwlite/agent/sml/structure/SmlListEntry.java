package org.smgwlite.agent.sml.structure;

/**
 * SML_ListEntry of a value list, every optional field as sent ({@code null} when absent).
 *
 * @param objName   the OBIS code, normally 6 octets
 * @param status    SML_Status (up to 64 bits), or {@code null}
 * @param valTime   time of the value, or {@code null}
 * @param unit      DLMS unit code 0..255, or {@code null}
 * @param scaler    power of ten, or {@code null} (meaning 0)
 * @param value     the value, or {@code null} when the meter marked it "not set" (0x01)
 * @param signature the value signature with the bytes of this entry before it, or {@code null}
 */
public record SmlListEntry(byte[] objName, Long status, SmlTime valTime, Integer unit, Integer scaler,
                           SmlValue value, SignedBytes signature) {
}
