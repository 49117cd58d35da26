/**
 * The SMGW.Lite door over HTTP: the firmware's own upload, log and connection test (device id and token, browser ports
 * only), and the operator API for SMGW.Lite gateways (Keycloak bearer tokens, role operator or platform-admin).
 */
package org.smgwlite.platform.rest.legacy;
