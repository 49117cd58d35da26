/**
 * The long-running agent: configuration, the per-meter pipeline (decoder, TAF engines, status bits, fault
 * detection), and the parts {@link org.smgwlite.agent.agent.Agent} assembles around it, one job each: the loop
 * thread, the billing buffer, TAF 14 output, the Eichlog writer, the status view and the link to the platform.
 */
package org.smgwlite.agent.agent;
