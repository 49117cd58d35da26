/**
 * The operator API for households (Keycloak bearer tokens, role operator or platform-admin): the tenant's
 * households with their ids, which gateway registration needs.
 */
package org.smgwlite.platform.rest.household;
