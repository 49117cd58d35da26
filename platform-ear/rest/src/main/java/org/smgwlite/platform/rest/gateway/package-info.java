/**
 * The operator API for gateways (Keycloak bearer tokens, role operator or platform-admin): register a
 * gateway, create its one-time enrollment code, list its certificates, revoke them.
 */
package org.smgwlite.platform.rest.gateway;
