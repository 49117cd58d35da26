/**
 * The operator API for households (Keycloak bearer tokens, role operator or platform-admin): the tenant's
 * households with their ids, which gateway registration needs; and a household's daily energy and newest readings,
 * which a household user may read for its own household too.
 */
package org.smgwlite.platform.rest.household;
