/**
 * Demo data for the run command: two tenants and a few households matching the demo users of
 * the Keycloak realm. Loaded only when {@code smgw.demo-data=true}; idempotent.
 */
package org.smgwlite.platform.demo;
