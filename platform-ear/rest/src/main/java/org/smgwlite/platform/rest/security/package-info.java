/**
 * Who calls the operator API: Keycloak access tokens (bearer, RS256) verified against the realm's
 * published keys, with roles from the {@code groups} claim and the tenant from the {@code tenant} claim.
 */
package org.smgwlite.platform.rest.security;
