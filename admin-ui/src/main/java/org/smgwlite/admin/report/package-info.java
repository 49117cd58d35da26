/**
 * The TAF month reports on screen: the operator's Reports screen (tenant overview, month run, drill-down, downloads)
 * and the month values panel of a household's page; views only, the numbers come from {@code ReportService}.
 */
package org.smgwlite.admin.report;
