/**
 * Tariff application functions (TAF): TAF 7 register readings on UTC slot boundaries, TAF 14 high-frequency samples
 * for local use, TAF 6 on-demand readings. Time comes from an injectable clock, so a simulated day runs in milliseconds.
 */
package org.smgwlite.agent.taf;
