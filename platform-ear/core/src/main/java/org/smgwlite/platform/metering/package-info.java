/**
 * Day-after readings: {@link org.smgwlite.platform.metering.ReadingIngestion} (called by the device port's batch
 * resource) turns a signed batch into stored values, with its rules in named parts beside it.
 */
package org.smgwlite.platform.metering;
