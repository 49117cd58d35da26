/**
 * TAF 6 on the platform: an operator's on-demand reading request for a gateway, handed to the gateway on the device
 * port, answered by a signed batch that {@link org.smgwlite.platform.metering.ReadingIngestion} routes here, and kept
 * apart from the TAF 7 series so that the load curve stays a pure quarter-hour series.
 */
package org.smgwlite.platform.metering.taf6;
