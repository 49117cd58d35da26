/**
 * An operator's gateways and their certificates: the tenant's gateway list (paged and searched on the server),
 * registering a gateway, its one-time enrollment code with a QR code, its certificates (PEM download, revocation with an
 * RFC 5280 reason), its TAF 6 readings, and the tenant's certificates due for renewal.
 */
package org.smgwlite.admin.gateway;
