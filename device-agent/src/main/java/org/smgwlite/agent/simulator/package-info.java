/**
 * The fleet simulator: virtual household meters (daily load shape, optional PV export) that push real SML telegrams,
 * encoded with the SML writer, at an accelerated clock, so days of TAF 7 data pass through the decoder in seconds.
 */
package org.smgwlite.agent.simulator;
