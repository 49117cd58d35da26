/**
 * Who calls the operator API: Keycloak access tokens (bearer, RS256 or ES256) bound to this platform's client and
 * verified against the realm's currently published keys, with roles from {@code groups} and the tenant from {@code tenant}.
 */
package org.smgwlite.platform.rest.security;
