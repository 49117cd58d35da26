/**
 * The day-after batch as agent and platform both see it: records, the line format (version 1) and the
 * signing rule. One copy, used by both sides; see the module README for the wire format.
 */
package org.smgwlite.metering.contract;
