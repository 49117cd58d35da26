/**
 * A household's load curve in the UI: the uPlot chart element, range picker, daily and monthly
 * totals and the background CSV export, for the household's own page and for operators.
 */
package org.smgwlite.admin.curve;
