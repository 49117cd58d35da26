/**
 * Gateways of a tenant's households and their one-time enrollment codes (single use, expiring, stored as a salted,
 * peppered hash, voided by a newer one): what an operator registers before a gateway may enroll, with the rule of one
 * gateway per household unless replaced on purpose, the gateway's lifecycle state ({@link
 * org.smgwlite.platform.gateway.GatewayState}) and the paged gateway list the admin UI and the REST API share.
 */
package org.smgwlite.platform.gateway;
