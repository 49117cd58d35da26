/**
 * The readings API: a household's 15-minute values for a range of local days as CSV, JSON or MSCONS, streamed month by
 * month, for operators ({@code /api/tenants/<tenant>/households/<id>/readings}) and household logins ({@code /api/me/readings}).
 */
package org.smgwlite.platform.rest.readings;
