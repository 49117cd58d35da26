/**
 * Technical wiring of the platform: the datasource, the schema migration at deploy, the configuration keys the
 * platform reads, and how a database outage is recognised ({@link org.smgwlite.platform.infra.DatabaseUnavailable}).
 */
package org.smgwlite.platform.infra;
