/**
 * SML structure: type-length fields, lists, optional fields, SML_Time and the message bodies, as records.
 * Works on the unescaped bytes of one frame; reads and writes, knows nothing of OBIS semantics.
 */
package org.smgwlite.agent.sml.structure;
