/**
 * Resources for gateways on the device port (mutual TLS): the caller is the gateway its client
 * certificate names, checked against the certificate table on every request.
 */
package org.smgwlite.platform.rest.device;
