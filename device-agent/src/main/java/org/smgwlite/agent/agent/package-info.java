/**
 * The long-running agent: configuration, the per-meter pipeline (decoder, TAF engines, status bits, fault
 * detection) and the run loop that ties source, store, Eichlog, status page and MQTT together.
 */
package org.smgwlite.agent.agent;
