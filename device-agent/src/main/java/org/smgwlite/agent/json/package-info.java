/**
 * A few lines of JSON writing for the status page and the MQTT payloads: the agent stays free of a JSON library,
 * and numbers are written from exact decimals, never from doubles.
 */
package org.smgwlite.agent.json;
