/**
 * IEC 62056-21 (D0) text telegrams: identification line, OBIS data lines, end line, block check character.
 * The older optical protocol beside SML; parsed into the same {@code meter} records.
 */
package org.smgwlite.agent.d0;
