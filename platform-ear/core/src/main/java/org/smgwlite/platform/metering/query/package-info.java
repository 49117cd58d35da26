/**
 * The read side of metering: a household's load curve (interval energy and power from register
 * differences, gaps kept as gaps), daily and monthly totals, the CSV export, and the day view's fine line of SMGW.Lite
 * readings between the quarter hours ({@link org.smgwlite.platform.metering.query.HighResolutionQuery}).
 */
package org.smgwlite.platform.metering.query;
