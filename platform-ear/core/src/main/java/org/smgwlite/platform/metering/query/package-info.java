/**
 * The read side of metering: a household's load curve (interval energy and power from register
 * differences, gaps kept as gaps), daily and monthly totals, and the CSV export.
 */
package org.smgwlite.platform.metering.query;
