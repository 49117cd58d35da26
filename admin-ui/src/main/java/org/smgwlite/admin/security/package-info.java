/**
 * Sign-in through Keycloak (Jakarta Security OpenID Connect), the signed-in user's roles and
 * tenant, route access by role, and the one error handler that turns domain failures into messages.
 */
package org.smgwlite.admin.security;
