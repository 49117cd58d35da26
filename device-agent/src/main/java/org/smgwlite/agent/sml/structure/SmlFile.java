package org.smgwlite.agent.sml.structure;

import java.util.List;
import java.util.Set;

/**
 * The messages of one transport frame, in order.
 *
 * @param offset   stream offset of the frame
 * @param messages the messages, each with a correct CRC
 * @param quirks   the deviations from SML 1.04 accepted while decoding them
 */
public record SmlFile(long offset, List<SmlMessage> messages, Set<SmlQuirk> quirks) {
}
