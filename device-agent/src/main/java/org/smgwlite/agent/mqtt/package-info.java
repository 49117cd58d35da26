/**
 * TAF 14 samples to an MQTT broker with Home Assistant discovery, so a household sees power and import/export
 * energy in Home Assistant without configuring anything. Best effort: a missing broker never stalls the agent.
 */
package org.smgwlite.agent.mqtt;
