/**
 * MicroProfile Health readiness checks: the platform is ready when its database answers and the
 * OpenID Connect provider (Keycloak) publishes its configuration. Served at /health/ready.
 */
package org.smgwlite.platform.health;
