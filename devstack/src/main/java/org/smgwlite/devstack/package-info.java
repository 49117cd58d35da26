/**
 * The development stack launcher: PostgreSQL, Keycloak and Payara with the platform EAR, started by
 * {@code ./run.sh} and, one server at a time, by integration tests ({@link KeycloakServer} is AutoCloseable).
 */
package org.smgwlite.devstack;
