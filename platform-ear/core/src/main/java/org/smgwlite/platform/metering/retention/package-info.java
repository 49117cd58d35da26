/**
 * Retention: months of readings archived to files and dropped, old log rows deleted, driven by the database's own list
 * of targets ({@code retention_target}, db-migrations V22); {@link org.smgwlite.platform.metering.retention.RetentionJob}
 * runs it daily. The signed batches ({@code reading_batch}) are the proof and are never retired.
 */
package org.smgwlite.platform.metering.retention;
