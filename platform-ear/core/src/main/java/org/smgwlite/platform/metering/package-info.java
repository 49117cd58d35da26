/**
 * Day-after readings: {@link org.smgwlite.platform.metering.ReadingIngestion} is the one place a signed batch
 * becomes stored values (device port today; legacy upload and operator import call the same service).
 */
package org.smgwlite.platform.metering;
