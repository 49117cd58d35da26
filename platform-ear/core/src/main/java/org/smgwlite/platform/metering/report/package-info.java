/**
 * The month reports of a household's quarter hours: TAF 7 completeness, TAF 1 billing readings and TAF 2 energy per
 * tariff zone, calculated from the load curve (true and substitute values) and stored per tenant run for the overview.
 */
package org.smgwlite.platform.metering.report;
