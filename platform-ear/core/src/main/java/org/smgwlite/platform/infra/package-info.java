/**
 * Technical wiring of the platform: the datasource, the schema migration at deploy, and the
 * configuration keys the platform reads.
 */
package org.smgwlite.platform.infra;
