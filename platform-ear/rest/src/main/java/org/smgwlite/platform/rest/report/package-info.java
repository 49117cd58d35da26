/**
 * REST of the TAF month reports: a tenant's month run and its overview for operators, a household's live month report
 * for operators and the household's own user; thin resources over {@code metering.report.ReportService}.
 */
package org.smgwlite.platform.rest.report;
