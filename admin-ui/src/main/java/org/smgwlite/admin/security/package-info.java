/**
 * Sign-in through Keycloak (Jakarta Security OpenID Connect), the signed-in user and tenant, route and menu access
 * by the views' {@code @RolesAllowed}, and the one error handler that turns domain failures into messages.
 */
package org.smgwlite.admin.security;
