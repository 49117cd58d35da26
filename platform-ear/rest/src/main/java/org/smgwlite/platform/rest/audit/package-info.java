/**
 * The audit trail over REST (Keycloak bearer tokens): a tenant's audit events for its operators, every tenant's for
 * platform administrators, paged by cursor, as JSON or as one CSV stream, all answered by one {@code AuditQuery}.
 */
package org.smgwlite.platform.rest.audit;
