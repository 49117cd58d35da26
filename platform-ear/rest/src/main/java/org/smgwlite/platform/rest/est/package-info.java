/**
 * Enrollment over Secure Transport (RFC 7030) for gateways, with the tenant as CA label, and the tenants'
 * CRLs over plain HTTP: thin resources over {@code EnrollmentService}.
 */
package org.smgwlite.platform.rest.est;
