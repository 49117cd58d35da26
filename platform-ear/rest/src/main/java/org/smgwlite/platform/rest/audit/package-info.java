/**
 * The audit trail over REST (Keycloak bearer tokens, role operator or platform-admin): a tenant's audit events, paged
 * by cursor, as JSON or as one CSV stream.
 */
package org.smgwlite.platform.rest.audit;
