/**
 * JSON for the status page, the MQTT payloads and the platform's answers: a small writer and a strict reader, so
 * the agent stays free of a JSON library (its footprint is measured) and numbers stay exact, never doubles.
 */
package org.smgwlite.agent.json;
