package org.smgwlite.agent.meter;

import java.util.List;
import java.util.Set;

import org.smgwlite.agent.sml.structure.SignedBytes;

/**
 * Everything one SML file (or one D0 telegram) said, as readings.
 *
 * @param offset         stream offset of the frame
 * @param serverId       the meter's server id from the GetList.Res (or the D0 identification), never {@code null}
 * @param manufacturer   three-letter FLAG id (e.g. "DZG", "EMH"), or {@code null} if the telegram does not say
 * @param publicKey      the meter's public key (OBIS 129-129:199.130.5), or {@code null}
 * @param readings       every entry of every value list, in stream order
 * @param listSignatures signatures over whole value lists, with the bytes they cover
 * @param quirks         names of the deviations from the standard accepted while reading this telegram
 */
public record MeterTelegram(long offset, byte[] serverId, String manufacturer, byte[] publicKey,
                            List<MeterReading> readings, List<SignedBytes> listSignatures, Set<String> quirks) {
}
